package dev.convoy.agent.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.convoy.agent.documents.DocumentException;
import dev.convoy.agent.local.LocalCommand;
import dev.convoy.agent.local.LocalReplies;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Local socket command {@code training}: without {@code done}, the training items of this workstation's releases
 * with the caller's progress ({@code "items"}); with {@code "done":"ITEM"}, records the caller's attestation. The
 * user is the socket peer the kernel names; a client's own claim ({@code "user"}) is used only where the platform
 * cannot tell. Thread-safe.
 */
public final class TrainingLocalCommand implements LocalCommand {
  private static final Pattern ITEM = Pattern.compile("[^\\p{Cntrl}]{1,256}");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@\\\\-][A-Za-z0-9._@\\\\ -]{0,127}");

  private final WorkstationTraining training;

  public TrainingLocalCommand(WorkstationTraining training) {
    this.training = training;
  }

  @Override
  public JsonObject handle(JsonObject request, String peer) {
    String user = peer.isEmpty() ? LocalReplies.text(request, "user", USER) : peer;
    try {
      if (request.has("done")) {
        return done(LocalReplies.text(request, "done", ITEM), user);
      }
      return list(user);
    } catch (DocumentException e) {
      return LocalReplies.error(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage());
    }
  }

  private JsonObject done(String item, String user) {
    WorkstationTraining.Outcome outcome = training.done(item, user);
    JsonObject response = LocalReplies.ok((outcome.already() ? "already recorded: " : "recorded: ") + "'"
        + outcome.item() + "' (" + outcome.release() + ") for " + user + (outcome.reported() ? "; reported to the"
            + " server" : "; it will be reported when the server can be reached"));
    response.addProperty("release", outcome.release());
    response.addProperty("item", outcome.item());
    response.addProperty("user", user);
    response.addProperty("reported", outcome.reported());
    return response;
  }

  private JsonObject list(String user) {
    JsonArray items = new JsonArray();
    for (TrainingItem item : training.items(user)) {
      JsonObject json = new JsonObject();
      json.addProperty("release", item.releaseName() + "@" + item.releaseVersion());
      json.addProperty("installed", item.installed());
      json.addProperty("title", item.title());
      json.addProperty("audience", item.audience());
      json.addProperty("link", item.link());
      json.addProperty("document", item.document());
      json.addProperty("done", item.done());
      json.addProperty("reported", item.reported());
      json.addProperty("problem", item.problem());
      items.add(json);
    }
    JsonObject response = LocalReplies.ok(items.size() + " training item(s) for " + user);
    response.addProperty("user", user);
    response.add("items", items);
    return response;
  }
}
