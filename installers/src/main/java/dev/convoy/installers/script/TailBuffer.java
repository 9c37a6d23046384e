package dev.convoy.installers.script;

import java.nio.charset.StandardCharsets;

/** The last {@code capacity} bytes written to it, in a fixed ring: memory stays bounded whatever is written. */
final class TailBuffer {
  private final byte[] ring;
  private long total;

  TailBuffer(int capacity) {
    ring = new byte[capacity];
  }

  synchronized void append(byte[] bytes, int offset, int length) {
    for (int i = 0; i < length; i++) {
      ring[(int) (total++ % ring.length)] = bytes[offset + i];
    }
  }

  /** Whether more bytes were written than are kept. */
  synchronized boolean truncated() {
    return total > ring.length;
  }

  /** The kept bytes as UTF-8; when truncated, a character cut at the start is skipped rather than mangled. */
  synchronized String text() {
    int size = (int) Math.min(total, ring.length);
    byte[] bytes = new byte[size];
    int start = (int) ((total - size) % ring.length);
    for (int i = 0; i < size; i++) {
      bytes[i] = ring[(start + i) % ring.length];
    }
    int from = 0;
    while (truncated() && from < size && (bytes[from] & 0xC0) == 0x80) { // UTF-8 continuation byte
      from++;
    }
    return new String(bytes, from, size - from, StandardCharsets.UTF_8);
  }
}
