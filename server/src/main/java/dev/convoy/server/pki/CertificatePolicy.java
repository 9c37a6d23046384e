package dev.convoy.server.pki;

import dev.convoy.server.common.RandomIds;
import dev.convoy.server.endpoint.EndpointNames;
import dev.convoy.server.people.Person;
import dev.convoy.transport.CertificateAuthority.Profile;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * What goes into every certificate the server issues (docs/runtime-layout.md "Identities"), and the inverse: which
 * endpoint or person a presented certificate subject names. Subjects come from here, never from a CSR.
 * Stateless and thread-safe.
 */
public final class CertificatePolicy {
  public static final Duration CA_VALIDITY = Duration.ofDays(3653);
  public static final Duration SERVER_VALIDITY = Duration.ofDays(731);
  public static final Duration ENDPOINT_VALIDITY = Duration.ofDays(365);
  public static final Duration PERSON_VALIDITY = Duration.ofDays(365);
  public static final String SERVER_SUBJECT = "CN=convoy-server,O=Convoy";
  public static final List<String> DEFAULT_SANS = List.of("localhost", "127.0.0.1");
  static final String ORGANISATION = "Convoy";
  static final String ENDPOINT_UNIT = "endpoint";
  static final String PERSON_UNIT = "person";

  private CertificatePolicy() {}

  /** A new CA subject, {@code CN=Convoy CA <8 hex>,O=Convoy}: the random part tells two installations apart. */
  public static String newCaSubject() {
    return "CN=Convoy CA " + RandomIds.next("").substring(0, 8) + ",O=" + ORGANISATION;
  }

  public static Profile server(List<String> sans) {
    return Profile.server(SERVER_SUBJECT, SERVER_VALIDITY, sans.isEmpty() ? DEFAULT_SANS : sans);
  }

  public static Profile endpoint(String endpointId) {
    return Profile.client("CN=" + endpointId + ",OU=" + ENDPOINT_UNIT + ",O=" + ORGANISATION, ENDPOINT_VALIDITY);
  }

  public static Profile person(String name) {
    return Profile.client("CN=" + name + ",OU=" + PERSON_UNIT + ",O=" + ORGANISATION, PERSON_VALIDITY);
  }

  /**
   * Who a certificate subject names, if it has exactly the form this policy issues
   * ({@code CN=<id>,OU=endpoint|person,O=Convoy} with a well-formed id); empty otherwise.
   */
  public static Optional<CertificateSubject> classify(X500Principal subject) {
    Map<String, String> parts = new HashMap<>();
    try {
      for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
        if (rdn.size() != 1 || parts.put(rdn.getType().toUpperCase(java.util.Locale.ROOT),
            String.valueOf(rdn.getValue())) != null) {
          return Optional.empty();
        }
      }
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
    if (parts.size() != 3 || !ORGANISATION.equals(parts.get("O")) || parts.get("CN") == null) {
      return Optional.empty();
    }
    String name = parts.get("CN");
    String unit = parts.get("OU");
    if (ENDPOINT_UNIT.equals(unit) && EndpointNames.ENDPOINT_ID.matcher(name).matches()) {
      return Optional.of(new CertificateSubject(CertificateSubject.Kind.ENDPOINT, name));
    }
    if (PERSON_UNIT.equals(unit) && Person.NAME.matcher(name).matches()) {
      return Optional.of(new CertificateSubject(CertificateSubject.Kind.PERSON, name));
    }
    return Optional.empty();
  }
}
