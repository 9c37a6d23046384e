package dev.convoy.agent;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.local.LocalClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The user's commands ({@code catalog}, {@code install}, {@code notices}, {@code defer}): each sends one request
 * to the running daemon over its local socket ({@code DIR/agent.sock}) and prints the answer. A refusal is one line
 * on stderr starting with {@code error: }; exit 1 (2 for a request the agent found malformed).
 */
final class UserCommands {
  private UserCommands() {}

  /** What every user command shares: the data directory and the round trip. */
  abstract static class Base implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the agent's data directory")
    Path data;

    @Spec
    CommandSpec spec;

    abstract JsonObject request();

    abstract void print(PrintWriter out, JsonObject response);

    @Override
    public Integer call() {
      JsonObject response;
      try {
        response = new LocalClient(new DataDir(data).socket()).call(request());
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (response.has("ok") && response.get("ok").getAsBoolean()) {
        print(out, response);
        out.flush();
        return AgentMain.OK;
      }
      String code = text(response, "code");
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: " + ("refused".equals(code) ? "refused by the server: " : "") + text(response, "error"));
      err.flush();
      return "invalid_argument".equals(code) ? AgentMain.USAGE_ERROR : AgentMain.RUNTIME_ERROR;
    }

    static JsonObject command(String name) {
      JsonObject request = new JsonObject();
      request.addProperty("command", name);
      return request;
    }

    static String text(JsonObject object, String field) {
      JsonElement value = object.get(field);
      return value == null || value.isJsonNull() ? "" : value.getAsString();
    }
  }

  @Command(name = "catalog", mixinStandardHelpOptions = true,
      description = "Lists the self-service (PULL) packages offered on this computer.")
  static final class Catalog extends Base {
    @Override
    JsonObject request() {
      return command("catalog");
    }

    @Override
    void print(PrintWriter out, JsonObject response) {
      var items = response.getAsJsonArray("items");
      if (items.isEmpty()) {
        out.println("no packages offered");
        return;
      }
      String format = "%-24s %-12s %-32s %-22s %s%n";
      out.printf(format, "NAME", "VERSION", "CAMPAIGN", "DEADLINE", "STATE");
      for (JsonElement element : items) {
        JsonObject item = element.getAsJsonObject();
        String title = text(item, "campaign_title");
        String campaign = text(item, "campaign_id") + (title.isEmpty() ? "" : " (" + title + ")");
        String deadline = text(item, "deadline");
        String state = text(item, "state") + (item.get("requested").getAsBoolean() ? " (requested)" : "");
        out.printf(format, text(item, "name"), text(item, "version"), campaign, deadline.isEmpty() ? "-" : deadline,
            state);
      }
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Asks the agent to install a self-service package now (see 'catalog').")
  static final class Install extends Base {
    @Parameters(paramLabel = "NAME", description = "the package name, as 'catalog' lists it")
    String name;

    @Override
    JsonObject request() {
      JsonObject request = command("install");
      request.addProperty("name", name);
      return request;
    }

    @Override
    void print(PrintWriter out, JsonObject response) {
      out.println(text(response, "message"));
    }
  }

  @Command(name = "notices", mixinStandardHelpOptions = true,
      description = "Lists the notices shown on this computer, oldest first.")
  static final class Notices extends Base {
    @Override
    JsonObject request() {
      return command("notices");
    }

    @Override
    void print(PrintWriter out, JsonObject response) {
      var items = response.getAsJsonArray("items");
      if (items.isEmpty()) {
        out.println("no notices");
      }
      for (JsonElement element : items) {
        JsonObject item = element.getAsJsonObject();
        out.println(text(item, "shown_at") + "  [" + text(item, "campaign_id") + "]  " + text(item, "title"));
        out.println("    " + text(item, "message").replace("\n", "\n    "));
      }
    }
  }

  @Command(name = "technician-code", mixinStandardHelpOptions = true,
      description = "Prints the one-time code to give the technician who is coming to this computer.")
  static final class TechnicianCode extends Base {
    @Override
    JsonObject request() {
      return command("technician-code");
    }

    @Override
    void print(PrintWriter out, JsonObject response) {
      var items = response.getAsJsonArray("items");
      if (items.isEmpty()) {
        out.println("no technician is expected");
      }
      for (JsonElement element : items) {
        JsonObject item = element.getAsJsonObject();
        out.println("Technician " + text(item, "technician") + " is coming for " + text(item, "release") + "; code: "
            + text(item, "code") + " (valid until " + text(item, "expires_at") + ")");
      }
    }
  }

  @Command(name = "defer", mixinStandardHelpOptions = true,
      description = "Postpones a campaign's change on this computer (within the limits IT set).")
  static final class Defer extends Base {
    @Parameters(paramLabel = "CAMPAIGN", description = "the campaign id, as 'notices' lists it")
    String campaign;

    @Option(names = "--for", required = true, paramLabel = "DURATION", converter = Converters.DurationConverter.class,
        description = "how long: 90s, 30m, 4h, 3d, 1h30m or PT4H")
    Duration duration;

    @Override
    JsonObject request() {
      JsonObject request = command("defer");
      request.addProperty("campaign", campaign);
      request.addProperty("for", duration.toString());
      return request;
    }

    @Override
    void print(PrintWriter out, JsonObject response) {
      out.println("deferred " + campaign + " until " + text(response, "deferred_until"));
    }
  }
}
