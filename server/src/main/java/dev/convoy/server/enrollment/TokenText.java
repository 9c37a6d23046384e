package dev.convoy.server.enrollment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text form of a token, {@code cvt_<token id>_<secret>}: the token id is 16 hex digits (never contains
 * {@code _}), the secret is 32 random bytes in unpadded base64url (which may contain {@code _}), so the text splits
 * at the first {@code _} after the id. The prefix makes a leaked token easy to recognise (secret scanners).
 */
public record TokenText(String tokenId, byte[] secret) {
  static final String PREFIX = "cvt_";
  static final int SECRET_BYTES = 32;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

  public TokenText {
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** The text handed to the operator once. */
  public String format() {
    return PREFIX + tokenId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Parses a token text; empty if it does not have the token form (the caller answers "unknown or invalid"). */
  public static Optional<TokenText> parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = text.substring(PREFIX.length());
    int separator = rest.indexOf('_');
    if (separator < 0) {
      return Optional.empty();
    }
    String id = rest.substring(0, separator);
    String secretText = rest.substring(separator + 1);
    if (!ID.matcher(id).matches() || !SECRET.matcher(secretText).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TokenText(id, Base64.getUrlDecoder().decode(secretText)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** SHA-256 of the secret: what is stored and compared. */
  public byte[] secretSha256() {
    return sha256(secret);
  }

  static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
