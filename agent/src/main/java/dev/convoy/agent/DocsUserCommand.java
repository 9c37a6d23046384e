package dev.convoy.agent;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy-agent docs NAME [--show KIND|FILE|KB-ID]}: the user documentation (by default) of a release
 * installed or offered on this computer, verified against its publisher's signature before it is printed.
 */
@Command(name = "docs", mixinStandardHelpOptions = true,
    description = "Shows the user documentation of a package installed or offered on this computer.")
final class DocsUserCommand extends UserCommands.Base {
  @Parameters(paramLabel = "NAME", description = "the package name (or NAME@VERSION)")
  String name;

  @Option(names = "--show", paramLabel = "DOCUMENT", defaultValue = "user_doc",
      description = "which document: user_doc (default), release_notes, runbook, training, a file name or a KB id")
  String document;

  @Override
  JsonObject request() {
    JsonObject request = command("docs");
    request.addProperty("name", name);
    request.addProperty("document", document);
    return request;
  }

  @Override
  void print(PrintWriter out, JsonObject response) {
    String text = text(response, "text");
    out.print(text.endsWith("\n") ? text : text + "\n");
  }
}
