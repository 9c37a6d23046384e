package dev.convoy.agent.inventory.system;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Canonical text for hardware and IP addresses, so that the same address always reports the same fact. */
final class Addresses {
  private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

  private Addresses() {}

  /** A MAC in lower case {@code aa:bb:cc:dd:ee:ff}; empty for OSHI's {@code unknown}, all zeros or anything else. */
  static Optional<String> mac(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String mac = raw.strip().toLowerCase(Locale.ROOT).replace('-', ':');
    return MAC.matcher(mac).matches() && !mac.equals("00:00:00:00:00:00") ? Optional.of(mac) : Optional.empty();
  }

  /**
   * An IPv6 address in RFC 5952 form: lower case, no leading zeros, the longest run of two or more zero groups
   * (the first of equals) as {@code ::}, no zone. Empty if {@code raw} is not an IPv6 literal.
   */
  static Optional<String> ipv6(String raw) {
    if (raw == null || raw.indexOf(':') < 0) {
      return Optional.empty();
    }
    String literal = raw.strip();
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    try {
      InetAddress address = InetAddress.getByName(literal); // a literal: parsed, never looked up
      return address instanceof Inet6Address ? Optional.of(format(address.getAddress())) : Optional.empty();
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static String format(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not shortened
    for (int i = 0; i < 8; i++) {
      int length = 0;
      while (i + length < 8 && groups[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
      i += length;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
