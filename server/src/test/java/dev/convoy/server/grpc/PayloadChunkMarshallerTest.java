package dev.convoy.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.DownloadChunk;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadChunkMarshallerTest {
  /** Larger than the copy buffer and not a multiple of it, so chunks end mid-buffer. */
  static final int LENGTH = PayloadChunkStream.COPY_BUFFER * 3 + 12345;
  @TempDir Path dir;
  private Path file;
  private byte[] bytes;

  @BeforeEach
  void write() throws IOException {
    bytes = new byte[LENGTH];
    new Random(5).nextBytes(bytes);
    file = Files.write(dir.resolve("payload"), bytes);
  }

  private PayloadFile open() throws IOException {
    return new PayloadFile(FileChannel.open(file, StandardOpenOption.READ), "payload", bytes.length);
  }

  private static DownloadChunk stock(long offset, byte[] data) {
    return DownloadChunk.newBuilder().setOffset(offset).setData(ByteString.copyFrom(data)).build();
  }

  private static byte[] drain(InputStream stream) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int drained = ((Drainable) stream).drainTo(out);
    assertThat(drained).isEqualTo(out.size());
    return out.toByteArray();
  }

  @Test
  void stream_anyOffsetAndLength_sameBytesAsTheStockEncoding() throws IOException {
    PayloadFile payload = open();
    int[][] cases = {{0, 1}, {0, LENGTH}, {1, 127}, {127, 128}, {128, 16384}, {16384, PayloadChunkStream.COPY_BUFFER},
        {LENGTH - 300_000, 300_000}, {LENGTH - 1, 1}};
    for (int[] c : cases) {
      byte[] data = Arrays.copyOfRange(bytes, c[0], c[0] + c[1]);
      InputStream stream = PayloadChunkMarshaller.INSTANCE.stream(new PayloadChunk(payload, c[0], c[1]));
      assertThat(stream).isInstanceOf(KnownLength.class);
      assertThat(stream.available()).isEqualTo(stock(c[0], data).getSerializedSize());

      byte[] wire = drain(stream);

      assertThat(wire).isEqualTo(stock(c[0], data).toByteArray());
      DownloadChunk parsed = DownloadChunk.parseFrom(wire);
      assertThat(parsed.getOffset()).isEqualTo(c[0]);
      assertThat(parsed.getData().toByteArray()).isEqualTo(data);
    }
    payload.release();
  }

  @Test
  void prefix_offsetsBeyondFourGib_encodedAsTheStockVarint() throws IOException {
    for (long offset : new long[] {1L << 32, 5L << 30, (1L << 35) + 12345, Long.MAX_VALUE / 2}) {
      byte[] data = {7, 8, 9};
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      stock(offset, data).writeTo(expected);

      byte[] prefix = PayloadChunkMarshaller.prefix(offset, data.length);

      assertThat(prefix).isEqualTo(Arrays.copyOf(expected.toByteArray(), expected.size() - data.length));
    }
  }

  @Test
  void stream_consecutiveChunks_joinToThePayloadFromTheirFirstOffset() throws IOException {
    PayloadFile payload = open();
    int chunk = 100_000;
    for (long resumeAt : new long[] {0, chunk, 3L * chunk}) {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (long at = resumeAt; at < LENGTH; at += chunk) {
        DownloadChunk parsed = DownloadChunk.parseFrom(drain(PayloadChunkMarshaller.INSTANCE.stream(
            new PayloadChunk(payload, at, (int) Math.min(chunk, LENGTH - at)))));
        assertThat(parsed.getOffset()).isEqualTo(at);
        joined.writeBytes(parsed.getData().toByteArray());
      }
      assertThat(joined.toByteArray()).isEqualTo(Arrays.copyOfRange(bytes, (int) resumeAt, LENGTH));
    }
    payload.release();
  }

  @Test
  void read_smallReads_sameBytesAsDrainTo() throws IOException {
    PayloadFile payload = open();
    PayloadChunk chunk = new PayloadChunk(payload, 4096, 200_000);
    byte[] drained = drain(PayloadChunkMarshaller.INSTANCE.stream(chunk));
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (InputStream stream = PayloadChunkMarshaller.INSTANCE.stream(chunk)) {
      read.write(stream.read());
      byte[] buffer = new byte[777];
      for (int n; (n = stream.read(buffer)) >= 0; ) {
        read.write(buffer, 0, n);
      }
      assertThat(stream.available()).isZero();
    }

    assertThat(read.toByteArray()).isEqualTo(drained);
    payload.release();
  }

  @Test
  void release_streamsOutstanding_fileClosesWithTheLastOne() throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    PayloadFile payload = new PayloadFile(channel, "payload", bytes.length);
    InputStream drained = PayloadChunkMarshaller.INSTANCE.stream(new PayloadChunk(payload, 0, 10));
    InputStream closed = PayloadChunkMarshaller.INSTANCE.stream(new PayloadChunk(payload, 10, 10));
    InputStream pending = PayloadChunkMarshaller.INSTANCE.stream(new PayloadChunk(payload, 20, 10));

    payload.release(); // the call ends while gRPC still holds three messages
    drain(drained);
    closed.close();
    closed.close(); // idempotent: one reference per stream

    assertThat(channel.isOpen()).isTrue();
    assertThat(DownloadChunk.parseFrom(drain(pending)).getData().toByteArray())
        .isEqualTo(Arrays.copyOfRange(bytes, 20, 30));
    assertThat(channel.isOpen()).isFalse();
    assertThatThrownBy(payload::retain)
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void drainTo_fileTruncatedOnDisk_eofNamingThePayload() throws IOException {
    PayloadFile payload = open();
    InputStream stream = PayloadChunkMarshaller.INSTANCE.stream(new PayloadChunk(payload, 0, LENGTH));
    try (RandomAccessFile truncate = new RandomAccessFile(file.toFile(), "rw")) {
      truncate.setLength(LENGTH - 1000);
    }

    assertThatThrownBy(() -> drain(stream)).isInstanceOf(EOFException.class)
        .hasMessage("payload payload is shorter than its release says (" + (LENGTH - 1000) + " bytes, expected: "
            + LENGTH + ")");
    assertThatThrownBy(payload::requireComplete).isInstanceOf(EOFException.class);
    payload.release();
  }

  @Test
  void chunk_beyondThePayload_refused() throws IOException {
    PayloadFile payload = open();
    assertThatThrownBy(() -> new PayloadChunk(payload, LENGTH - 10, 11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PayloadChunk(payload, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    payload.release();
  }

  @Test
  void parse_unsupported() {
    assertThatThrownBy(() -> PayloadChunkMarshaller.INSTANCE.parse(InputStream.nullInputStream()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
