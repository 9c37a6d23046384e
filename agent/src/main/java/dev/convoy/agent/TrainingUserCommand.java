package dev.convoy.agent;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy-agent training} lists the training items of the releases on this computer with the user's
 * progress; {@code convoy-agent training done ITEM} records that the user took one (reported to IT).
 */
@Command(name = "training", mixinStandardHelpOptions = true,
    description = {"Lists the training for the software on this computer, or records that you took one:",
        "convoy-agent training done ITEM (ITEM: the package name, NAME@VERSION or the title)."})
final class TrainingUserCommand extends UserCommands.Base {
  @Parameters(arity = "0..*", paramLabel = "done ITEM", description = "done, then the item")
  List<String> words;

  @Override
  JsonObject request() {
    JsonObject request = command("training");
    request.addProperty("user", System.getProperty("user.name", ""));
    if (words != null && !words.isEmpty()) {
      if (!words.get(0).equals("done") || words.size() < 2) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "expected: 'training' or 'training"
            + " done ITEM', not 'training " + String.join(" ", words) + "'");
      }
      request.addProperty("done", String.join(" ", words.subList(1, words.size())));
    }
    return request;
  }

  @Override
  void print(PrintWriter out, JsonObject response) {
    if (response.has("item")) {
      out.println(text(response, "message"));
      return;
    }
    var items = response.getAsJsonArray("items");
    if (items.isEmpty()) {
      out.println("no training for the software on this computer");
      return;
    }
    for (JsonElement element : items) {
      JsonObject item = element.getAsJsonObject();
      String problem = text(item, "problem");
      if (!problem.isEmpty()) {
        out.println("[?]    " + text(item, "release") + ": " + problem);
        continue;
      }
      String mark = item.get("done").getAsBoolean() ? "[done]" : "[ ]   ";
      String where = text(item, "link").isEmpty() ? "convoy-agent docs " + text(item, "release") + " --show training"
          : text(item, "link");
      out.println(mark + " " + text(item, "title") + "  (" + text(item, "release") + ", for "
          + text(item, "audience") + ")");
      out.println("       " + where);
    }
  }
}
