package dev.convoy.agent.inventory.packages;

/** Version text helpers for package databases. */
final class Versions {
  private Versions() {}

  /**
   * The upstream part of a Debian version {@code [epoch:]upstream[-revision]}: without the epoch (digits before
   * the first colon) and without the last {@code -revision}. {@code 4:7.4.7-1+deb12u4} gives {@code 7.4.7},
   * {@code 2.36-9} gives {@code 2.36}, a native {@code 3.134} stays {@code 3.134}, {@code 1:2.0-rc1-3} gives
   * {@code 2.0-rc1}.
   */
  static String debianUpstream(String version) {
    String upstream = version;
    int colon = upstream.indexOf(':');
    if (colon > 0 && upstream.substring(0, colon).chars().allMatch(Character::isDigit)) {
      upstream = upstream.substring(colon + 1);
    }
    int dash = upstream.lastIndexOf('-');
    return dash > 0 ? upstream.substring(0, dash) : upstream;
  }
}
