package dev.convoy.bench;

import java.util.Arrays;

/** A benchmark's command line: {@code --name value} options and {@code --flag}s. */
record Args(String[] values) {
  int integer(String name, int fallback) {
    String v = string(name, null);
    return v == null ? fallback : Integer.parseInt(v);
  }

  double real(String name, double fallback) {
    String v = string(name, null);
    return v == null ? fallback : Double.parseDouble(v);
  }

  String string(String name, String fallback) {
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i].equals(name)) {
        return values[i + 1];
      }
    }
    return fallback;
  }

  boolean flag(String name) {
    return Arrays.asList(values).contains(name);
  }
}
