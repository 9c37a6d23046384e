package dev.convoy.server.grpc;

/**
 * One {@code DownloadChunk} as the server sends it: where its bytes are in the payload file, not the bytes. Its
 * marshaller ({@link PayloadChunkMarshaller}) reads them from the file straight into gRPC's frame buffers when the
 * transport serialises the message, so no chunk-sized array is allocated, filled and copied again per message.
 *
 * @param file the payload, retained by each stream the marshaller makes of this chunk
 * @param offset where the chunk starts in the payload (a chunk boundary)
 * @param length the chunk's size in bytes ({@code > 0})
 */
record PayloadChunk(PayloadFile file, long offset, int length) {
  PayloadChunk {
    if (offset < 0 || length <= 0 || offset + length > file.length()) {
      throw new IllegalArgumentException("chunk [" + offset + ", +" + length + ") (expected: within the payload's "
          + file.length() + " bytes)");
    }
  }
}
