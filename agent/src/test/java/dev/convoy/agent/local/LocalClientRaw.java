package dev.convoy.agent.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** Sends a raw request line (possibly malformed, which {@link LocalClient} never does) to the daemon's socket. */
final class LocalClientRaw {
  private final java.nio.file.Path socket;

  LocalClientRaw(java.nio.file.Path socket) {
    this.socket = socket;
  }

  JsonObject send(String line) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
      return JsonParser.parseString(LocalSocketServer.readLine(channel)).getAsJsonObject();
    }
  }
}
