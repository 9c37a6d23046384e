package dev.convoy.server.storage.rocksdb;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.rocksdb.v1.FactValueRecord;

/** Inventory fact values (String, Long, Double, Boolean) ↔ {@link FactValueRecord}. Stateless. */
final class FactValues {
  private FactValues() {}

  static FactValueRecord record(Object value) {
    FactValueRecord.Builder b = FactValueRecord.newBuilder();
    if (value instanceof String text) {
      b.setText(text);
    } else if (value instanceof Long integer) {
      b.setInteger(integer);
    } else if (value instanceof Double real) {
      b.setReal(real);
    } else if (value instanceof Boolean flag) {
      b.setFlag(flag);
    } else {
      throw new IllegalArgumentException("fact value of type " + (value == null ? "null" : value.getClass()));
    }
    return b.build();
  }

  static byte[] encode(Object value) {
    return record(value).toByteArray();
  }

  /** The value, or null for a record with no value set. */
  static Object value(FactValueRecord r) {
    return switch (r.getKindCase()) {
      case TEXT -> r.getText();
      case INTEGER -> r.getInteger();
      case REAL -> r.getReal();
      case FLAG -> r.getFlag();
      case KIND_NOT_SET -> null;
    };
  }

  static Object decode(byte[] bytes) {
    try {
      Object value = value(FactValueRecord.parseFrom(bytes));
      if (value == null) {
        throw new IllegalStateException("no value");
      }
      return value;
    } catch (com.google.protobuf.InvalidProtocolBufferException | IllegalStateException e) {
      throw ConvoyException.internal("corrupt inventory fact value: " + e.getMessage(), e);
    }
  }
}
