package dev.convoy.release;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the payload blob is encoded. */
public enum PayloadFormat {
  /** A gzip-compressed tar archive whose every entry the manifest lists; extracted into a staging directory. */
  TAR_GZ("tar.gz"),
  /** One opaque file (a {@code .deb}, an installer executable); copied as is. The manifest lists no entries. */
  FILE("file");

  private final String label;

  PayloadFormat(String label) {
    this.label = label;
  }

  /** The format's name in the manifest. */
  public String label() {
    return label;
  }

  /** @throws IllegalArgumentException naming the known labels */
  public static PayloadFormat fromLabel(String label) {
    for (PayloadFormat format : values()) {
      if (format.label.equals(label)) {
        return format;
      }
    }
    throw new IllegalArgumentException("payload.format: " + Text.quoted(label) + " (expected: one of "
        + Arrays.stream(values()).map(PayloadFormat::label).collect(Collectors.joining(", ")) + ")");
  }
}
