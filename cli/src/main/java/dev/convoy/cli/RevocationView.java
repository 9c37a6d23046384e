package dev.convoy.cli;

import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.RevocationResponse;

/** How {@code agent revoke} and {@code identity revoke} print the server's answer. */
public final class RevocationView {
  private RevocationView() {}

  /** One line for people, or the JSON document; {@code kind} is {@code endpoint} or {@code person}. */
  public static String render(String kind, RevocationResponse response, boolean json) {
    if (json) {
      return Json.pretty(response) + "\n";
    }
    if (response.getAlreadyRevoked()) {
      return "The " + kind + " " + response.getTarget() + " was already revoked; "
          + streams(response.getStreamsClosed()) + "\n";
    }
    return "Revoked " + kind + " " + response.getTarget() + " at " + Times.iso(response.getRevokedAt()) + "; "
        + streams(response.getStreamsClosed()) + "\n";
  }

  private static String streams(int closed) {
    return closed == 0 ? "it had no open streams." : closed + (closed == 1 ? " open stream" : " open streams")
        + " closed.";
  }
}
