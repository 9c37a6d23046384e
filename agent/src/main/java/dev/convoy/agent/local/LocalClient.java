package dev.convoy.agent.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user commands' end of the local socket: sends one request line and reads the one response line. Thread-safe
 * (stateless).
 */
public final class LocalClient {
  private final Path socket;

  public LocalClient(Path socket) {
    this.socket = socket;
  }

  /**
   * Sends {@code request} to the running agent.
   *
   * @throws IOException naming the socket when the agent does not run or answers nonsense
   */
  public JsonObject call(JsonObject request) throws IOException {
    if (!Files.exists(socket)) {
      throw new IOException("the agent is not running (no socket at " + socket + ")");
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        throw new IOException("the agent is not running (" + socket + ": " + e.getMessage() + ")", e);
      }
      ByteBuffer out = ByteBuffer.wrap((request.toString() + "\n").getBytes(StandardCharsets.UTF_8));
      while (out.hasRemaining()) {
        channel.write(out);
      }
      String line = LocalSocketServer.readLine(channel);
      if (line == null || line.isBlank()) {
        throw new IOException("the agent closed " + socket + " without an answer");
      }
      JsonElement response = JsonParser.parseString(line);
      if (!response.isJsonObject()) {
        throw new IOException("the agent answered something that is not a JSON object: " + line);
      }
      return response.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IOException("the agent's answer is malformed: " + e.getMessage(), e);
    }
  }
}
