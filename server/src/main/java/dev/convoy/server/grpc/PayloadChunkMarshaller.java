package dev.convoy.server.grpc;

import io.grpc.MethodDescriptor;
import java.io.InputStream;

/**
 * Writes a {@link PayloadChunk} as the protobuf encoding of {@code convoy.v1.DownloadChunk} (field 1 {@code offset},
 * omitted when 0 as proto3 does; field 2 {@code data}), byte for byte what {@code DownloadChunk.toByteArray()} gives
 * for the same offset and bytes, so clients parse it with the stock message. The stream it returns reads the chunk's
 * bytes from the payload file as gRPC drains it ({@link PayloadChunkStream}).
 *
 * <p>Send-only: the server never receives a DownloadChunk, so {@link #parse} is unsupported. Thread-safe.
 */
final class PayloadChunkMarshaller implements MethodDescriptor.Marshaller<PayloadChunk> {
  static final PayloadChunkMarshaller INSTANCE = new PayloadChunkMarshaller();

  private static final int OFFSET_TAG = 1 << 3; // field 1, varint
  private static final int DATA_TAG = 2 << 3 | 2; // field 2, length-delimited

  private PayloadChunkMarshaller() {}

  @Override
  public InputStream stream(PayloadChunk chunk) {
    return new PayloadChunkStream(prefix(chunk.offset(), chunk.length()), chunk.file(), chunk.offset(),
        chunk.length());
  }

  @Override
  public PayloadChunk parse(InputStream stream) {
    throw new UnsupportedOperationException("DownloadChunk is sent by the server, never received");
  }

  /** The message's bytes before the chunk data: the offset field (unless 0), the data field's tag and length. */
  static byte[] prefix(long offset, int length) {
    byte[] prefix = new byte[(offset == 0 ? 0 : 1 + varintSize(offset)) + 1 + varintSize(length)];
    int at = 0;
    if (offset != 0) {
      prefix[at++] = OFFSET_TAG;
      at = putVarint(prefix, at, offset);
    }
    prefix[at++] = DATA_TAG;
    putVarint(prefix, at, length);
    return prefix;
  }

  private static int varintSize(long value) {
    return value == 0 ? 1 : (63 - Long.numberOfLeadingZeros(value)) / 7 + 1;
  }

  private static int putVarint(byte[] into, int at, long value) {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      into[at++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    into[at++] = (byte) rest;
    return at;
  }
}
