package dev.convoy.server.grpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.server.inventory.InventoryHasher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * The canonical inventory hash of docs/inventory.md, which agents compute the same way: the facts, sorted by path
 * ({@link String#compareTo}), as an {@code InventorySnapshot}, serialized with protobuf, SHA-256, lowercase hex.
 *
 * <p>The snapshot's bytes are written straight into the digest, field by field exactly as the generated code
 * serializes {@code InventorySnapshot { repeated Fact facts = 1; }}, {@code Fact { string path = 1; FactValue
 * value = 2; }} and the {@code FactValue} oneof, without building a message per fact: every delta check-in hashes
 * the whole inventory (~800 facts), and building the messages cost more than the hash. Stateless and thread-safe.
 */
public final class CanonicalInventoryHasher implements InventoryHasher {
  private static final int SNAPSHOT_FACTS = 1;
  private static final int FACT_PATH = 1;
  private static final int FACT_VALUE = 2;

  @Override
  public String sha256(SortedMap<String, Object> facts) {
    MessageDigest digest = sha256();
    CodedOutputStream out = CodedOutputStream.newInstance(new DigestSink(digest), 8192);
    try {
      for (Map.Entry<String, Object> fact : facts.entrySet()) {
        writeFact(out, fact.getKey(), fact.getValue());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the sink only updates the digest
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void writeFact(CodedOutputStream out, String path, Object value) throws IOException {
    int valueSize = valueSize(value);
    int size = (path.isEmpty() ? 0 : CodedOutputStream.computeStringSize(FACT_PATH, path))
        + CodedOutputStream.computeTagSize(FACT_VALUE) + CodedOutputStream.computeUInt32SizeNoTag(valueSize)
        + valueSize;
    out.writeTag(SNAPSHOT_FACTS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(size);
    if (!path.isEmpty()) { // proto3: an empty string is not written
      out.writeString(FACT_PATH, path);
    }
    out.writeTag(FACT_VALUE, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(valueSize);
    // a oneof member is written even when it holds its type's default
    if (value instanceof String text) {
      out.writeString(FactValue.TEXT_FIELD_NUMBER, text);
    } else if (value instanceof Long integer) {
      out.writeInt64(FactValue.INTEGER_FIELD_NUMBER, integer);
    } else if (value instanceof Double real) {
      out.writeDouble(FactValue.REAL_FIELD_NUMBER, real);
    } else {
      out.writeBool(FactValue.FLAG_FIELD_NUMBER, (Boolean) value);
    }
  }

  private static int valueSize(Object value) {
    if (value instanceof String text) {
      return CodedOutputStream.computeStringSize(FactValue.TEXT_FIELD_NUMBER, text);
    } else if (value instanceof Long integer) {
      return CodedOutputStream.computeInt64Size(FactValue.INTEGER_FIELD_NUMBER, integer);
    } else if (value instanceof Double real) {
      return CodedOutputStream.computeDoubleSize(FactValue.REAL_FIELD_NUMBER, real);
    } else if (value instanceof Boolean flag) {
      return CodedOutputStream.computeBoolSize(FactValue.FLAG_FIELD_NUMBER, flag);
    }
    throw new IllegalArgumentException("fact value of type " + (value == null ? "null" : value.getClass()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** A scalar (String, Long, Double, Boolean) as the wire's {@code FactValue}: text, integer, real, flag. */
  static FactValue factValue(Object value) {
    FactValue.Builder b = FactValue.newBuilder();
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

  /** Feeds written bytes to a digest. */
  private static final class DigestSink extends OutputStream {
    private final MessageDigest digest;

    DigestSink(MessageDigest digest) {
      this.digest = digest;
    }

    @Override
    public void write(int b) {
      digest.update((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      digest.update(bytes, offset, length);
    }
  }
}
