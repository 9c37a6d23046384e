package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
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

  /**
   * The value of an encoded {@link FactValueRecord}, read field by field as its generated parser would (the last
   * member of the oneof wins, unknown fields are skipped) but without building the message: every check-in reads
   * all of its endpoint's facts, and the message objects were most of that cost.
   */
  static Object decode(byte[] bytes) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      Object value = null;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == TEXT_TAG) {
          value = in.readStringRequireUtf8();
        } else if (tag == INTEGER_TAG) {
          value = in.readSInt64();
        } else if (tag == REAL_TAG) {
          value = in.readDouble();
        } else if (tag == FLAG_TAG) {
          value = in.readBool();
        } else {
          in.skipField(tag);
        }
      }
      if (value == null) {
        throw new IllegalStateException("no value");
      }
      return value;
    } catch (java.io.IOException | IllegalStateException e) {
      throw ConvoyException.internal("corrupt inventory fact value: " + e.getMessage(), e);
    }
  }

  private static int tag(int field, int wireType) {
    return field << 3 | wireType; // protobuf's tag layout (WireFormat.makeTag is not public)
  }

  private static final int TEXT_TAG = tag(FactValueRecord.TEXT_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  private static final int INTEGER_TAG = tag(FactValueRecord.INTEGER_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT);
  private static final int REAL_TAG = tag(FactValueRecord.REAL_FIELD_NUMBER, WireFormat.WIRETYPE_FIXED64);
  private static final int FLAG_TAG = tag(FactValueRecord.FLAG_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT);
}
