package dev.convoy.agent.documents;

import com.google.gson.JsonObject;
import dev.convoy.agent.local.LocalCommand;
import dev.convoy.agent.local.LocalReplies;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Local socket command {@code docs}: {@code {"command":"docs","name":"office","document":"user_doc"}} answers the
 * verified Markdown of that document of the release installed or offered here
 * ({@code "release"}, {@code "document"}, {@code "source"}, {@code "text"}). Thread-safe.
 */
public final class DocsLocalCommand implements LocalCommand {
  private static final Pattern REF = Pattern.compile("[a-z0-9][a-z0-9+._-]{0,63}(@[0-9A-Za-z.+-]{1,64})?");
  private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final UserDocuments documents;

  public DocsLocalCommand(UserDocuments documents) {
    this.documents = documents;
  }

  @Override
  public JsonObject handle(JsonObject request, String user) {
    String name = LocalReplies.text(request, "name", REF);
    String selector = LocalReplies.optionalText(request, "document", DOCUMENT, UserDocuments.USER_DOC);
    try {
      VerifiedDocument doc = documents.read(name, selector);
      JsonObject response = LocalReplies.ok(doc.release().ref() + " " + doc.document());
      response.addProperty("release", doc.release().ref());
      response.addProperty("document", doc.document());
      response.addProperty("source", doc.source());
      response.addProperty("text", doc.text());
      return response;
    } catch (DocumentException e) {
      return LocalReplies.error(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage());
    }
  }
}
