package dev.convoy.server.storage.rocksdb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import com.google.protobuf.Timestamp;

/** Key and value encoding shared by the Rocks*Store adapters. Stateless. */
final class Keys {
  static final byte[] EMPTY = new byte[0];

  private Keys() {}

  /** The parts joined with {@code /}, as UTF-8. */
  static byte[] of(String... parts) {
    return String.join("/", parts).getBytes(StandardCharsets.UTF_8);
  }

  /** The parts joined with {@code /} and a trailing {@code /}: a prefix that matches exactly these parts. */
  static byte[] prefix(String... parts) {
    return (String.join("/", parts) + "/").getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] key) {
    return new String(key, StandardCharsets.UTF_8);
  }

  /** The last {@code /}-separated part of a key. */
  static String lastPart(byte[] key) {
    String text = text(key);
    return text.substring(text.lastIndexOf('/') + 1);
  }

  /** A counter delta as the uint64add merge operator reads it: 8 bytes, little-endian, two's complement. */
  static byte[] counter(long value) {
    return ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
  }

  static long counterValue(byte[] value) {
    if (value == null) {
      return 0;
    }
    if (value.length != Long.BYTES) {
      throw new IllegalStateException("counter value of " + value.length + " bytes (expected: 8)");
    }
    return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  static com.google.protobuf.Duration duration(java.time.Duration d) {
    return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  static java.time.Duration duration(com.google.protobuf.Duration d) {
    return java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }

  /** The instant, or null for an unset message field (proto3 has no null). */
  static Instant instantOrNull(boolean present, Timestamp timestamp) {
    return present ? instant(timestamp) : null;
  }

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
