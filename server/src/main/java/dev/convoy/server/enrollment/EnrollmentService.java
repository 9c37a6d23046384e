package dev.convoy.server.enrollment;

import dev.convoy.server.common.RandomIds;
import dev.convoy.server.common.Require;
import dev.convoy.server.common.StripedLocks;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointNames;
import dev.convoy.server.endpoint.EndpointStore;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Lock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrollment tokens and their redemption. A token is limited-use and time-bound, scoped to a group, and stored
 * only as the SHA-256 of its secret. Redeeming it issues the endpoint's certificate and, in one durable change,
 * consumes one use and records the new endpoint.
 *
 * <p>Thread-safe: redemptions of one token are serialised (per-token lock held until the change is durable), so a
 * token with {@code uses = 2} enrolls exactly two endpoints however many calls race.
 */
public final class EnrollmentService {
  private static final Logger logger = LoggerFactory.getLogger(EnrollmentService.class);
  public static final int MAX_USES = 100_000;
  public static final Duration MAX_TTL = Duration.ofDays(366);
  private static final String UNKNOWN = "token: unknown or invalid token";

  private final TokenStore tokens;
  private final EndpointStore endpoints;
  private final EndpointCertificateIssuer issuer;
  private final Storage storage;
  private final Clock clock;
  private final StripedLocks locks = new StripedLocks(64);
  private final Predicate<String> isDynamicGroup;

  public EnrollmentService(TokenStore tokens, EndpointStore endpoints, EndpointCertificateIssuer issuer,
      Storage storage, Clock clock) {
    this(tokens, endpoints, issuer, storage, clock, group -> false);
  }

  /** @param isDynamicGroup whether a name is a dynamic group's, which tokens must not use */
  public EnrollmentService(TokenStore tokens, EndpointStore endpoints, EndpointCertificateIssuer issuer,
      Storage storage, Clock clock, Predicate<String> isDynamicGroup) {
    this.isDynamicGroup = isDynamicGroup;
    this.tokens = tokens;
    this.endpoints = endpoints;
    this.issuer = issuer;
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * Creates a token for {@code group}, valid for {@code ttlSeconds} and {@code uses} enrollments.
   *
   * @throws ConvoyException INVALID_ARGUMENT naming {@code group} (also when it is a dynamic group's name),
   *     {@code uses} or {@code ttl_seconds}
   */
  public IssuedToken createToken(String group, long uses, long ttlSeconds, String createdBy) {
    EndpointNames.requireGroup("group", group);
    if (isDynamicGroup.test(group)) {
      throw ConvoyException.invalidArgument("group: " + group + " is a dynamic group (expected: a static group name;"
          + " a dynamic group's members follow the inventory)");
    }
    Require.inRange("uses", uses, 1, MAX_USES);
    Require.inRange("ttl_seconds", ttlSeconds, 1, MAX_TTL.toSeconds());
    TokenText text = new TokenText(RandomIds.next(""), RandomIds.secret(TokenText.SECRET_BYTES));
    Instant now = clock.instant();
    EnrollmentToken token = new EnrollmentToken(text.tokenId(), group, text.secretSha256(), (int) uses, (int) uses,
        now, now.plusSeconds(ttlSeconds), createdBy);
    ChangeSet changes = storage.begin();
    tokens.put(changes, token);
    storage.commit(changes);
    logger.info("enrollment token created token={} group={} uses={} expiresAt={} by={}",
        token.tokenId(), group, uses, token.expiresAt(), createdBy);
    return new IssuedToken(text.format(), token);
  }

  /**
   * Redeems {@code tokenText} for a new endpoint whose key is in {@code csrDer}.
   *
   * @throws ConvoyException INVALID_ARGUMENT for an empty token, a bad CSR or hostname (the token is not consumed);
   *     PERMISSION_DENIED for an unknown or wrong token, an expired or a used-up one
   */
  public Enrollment enroll(String tokenText, byte[] csrDer, String hostname) {
    if (tokenText == null || tokenText.isEmpty()) {
      throw ConvoyException.invalidArgument("token: empty (expected: cvt_<token id>_<secret>)");
    }
    String host = Require.optionalText("hostname", hostname, 253);
    TokenText presented = TokenText.parse(tokenText).orElseThrow(() -> ConvoyException.permissionDenied(UNKNOWN));
    Lock lock = locks.forKey(presented.tokenId());
    lock.lock();
    try {
      EnrollmentToken token = usableToken(presented);
      String endpointId = newEndpointId();
      IssuedCertificate certificate = issuer.issue(endpointId, csrDer);
      Endpoint endpoint = Endpoint.enrolled(endpointId, host, token.group(), clock.instant(),
          certificate.serialHex(), certificate.notAfter());
      ChangeSet changes = storage.begin();
      tokens.put(changes, token.withOneUseConsumed());
      endpoints.put(changes, endpoint);
      storage.commit(changes);
      logger.info("endpoint enrolled endpoint={} group={} hostname={} token={} usesLeft={}",
          endpointId, token.group(), host, token.tokenId(), token.usesLeft() - 1);
      return new Enrollment(endpointId, certificate.certificatePem(), certificate.caCertificatePem(), token.group());
    } finally {
      lock.unlock();
    }
  }

  private EnrollmentToken usableToken(TokenText presented) {
    EnrollmentToken token = tokens.find(presented.tokenId())
        .filter(t -> t.secretMatches(presented.secretSha256()))
        .orElseThrow(() -> {
          logger.warn("enrollment refused: unknown or invalid token token={}", presented.tokenId());
          return ConvoyException.permissionDenied(UNKNOWN);
        });
    if (token.expiredAt(clock.instant())) {
      logger.warn("enrollment refused: token expired token={} expiredAt={}", token.tokenId(), token.expiresAt());
      throw ConvoyException.permissionDenied("token: expired at " + token.expiresAt());
    }
    if (token.usesLeft() <= 0) {
      logger.warn("enrollment refused: token used up token={} uses={}", token.tokenId(), token.usesTotal());
      throw ConvoyException.permissionDenied(
          "token: used up (all " + token.usesTotal() + " of its uses are spent)");
    }
    return token;
  }

  private String newEndpointId() {
    String id = RandomIds.next("ep-");
    while (endpoints.find(id).isPresent()) { // 64 random bits: practically never loops
      id = RandomIds.next("ep-");
    }
    return id;
  }
}
