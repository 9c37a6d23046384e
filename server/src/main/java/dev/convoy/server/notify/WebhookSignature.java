package dev.convoy.server.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Convoy-Signature} header, Stripe style: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." +
 * body)>}. Signing the timestamp with the body lets a receiver refuse a captured request replayed later
 * ({@link #verify} with a tolerance). Receivers in Java may use {@link #verify} as is; others follow
 * docs/notifications.md. Stateless and thread-safe.
 */
public final class WebhookSignature {
  public static final String HEADER = "Convoy-Signature";
  /** Default tolerance between the signed timestamp and the receiver's clock. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code time}. */
  public static String sign(byte[] secret, Instant time, byte[] body) {
    long t = time.getEpochSecond();
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t, body));
  }

  /**
   * Whether {@code header} is a valid signature of {@code body} with {@code secret}, made within {@code tolerance}
   * of {@code now}. Any {@code v1} entry may match (several appear while a secret is rotated). Compares in constant
   * time.
   */
  public static boolean verify(byte[] secret, String header, byte[] body, Instant now, Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long t = null;
    java.util.List<String> candidates = new java.util.ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        return false;
      }
      String key = part.substring(0, eq).strip();
      String value = part.substring(eq + 1).strip();
      if (key.equals("t")) {
        try {
          t = Long.parseLong(value);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (key.equals("v1")) {
        candidates.add(value);
      }
    }
    if (t == null || Math.abs(now.getEpochSecond() - t) > tolerance.getSeconds()) {
      return false;
    }
    byte[] expected = mac(secret, t, body);
    boolean match = false;
    for (String candidate : candidates) {
      byte[] given;
      try {
        given = HexFormat.of().parseHex(candidate);
      } catch (IllegalArgumentException e) {
        continue;
      }
      match |= MessageDigest.isEqual(expected, given);
    }
    return match;
  }

  private static byte[] mac(byte[] secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
