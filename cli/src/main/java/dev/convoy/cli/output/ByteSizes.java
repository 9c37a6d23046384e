package dev.convoy.cli.output;

import java.util.Locale;

/** Byte counts for people, in binary units: {@code 512 B}, {@code 4.0 KiB}, {@code 15.5 GiB}. */
public final class ByteSizes {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private ByteSizes() {}

  /** {@code bytes} with one decimal in the largest binary unit it fills; plain bytes below 1 KiB. */
  public static String human(long bytes) {
    if (bytes > -1024 && bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    do { // 1023.96 KiB would print as 1024.0 KiB: move up a unit before rounding gets there
      value /= 1024;
      unit++;
    } while (Math.abs(value) >= 1023.95 && unit < UNITS.length - 1);
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
