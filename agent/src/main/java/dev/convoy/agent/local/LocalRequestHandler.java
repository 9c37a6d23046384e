package dev.convoy.agent.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.convoy.agent.deployment.SelfService;
import dev.convoy.agent.deployment.SelfServiceException;
import dev.convoy.agent.notice.DeliveredNotice;
import dev.convoy.agent.notice.NoticeBook;
import dev.convoy.agent.technician.TechnicianCodeCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request line of the local socket protocol (agent/README.md, "Local socket"): validates every field,
 * runs it against {@link SelfService} / {@link NoticeBook}, and answers one JSON object: {@code {"ok":true,...}} or
 * {@code {"ok":false,"code":"...","error":"..."}}. Never throws. Thread-safe.
 */
public final class LocalRequestHandler {
  private static final Logger logger = LoggerFactory.getLogger(LocalRequestHandler.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_~:-]{0,127}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  /** The longest deferral asked for (the server's limits are usually far lower). */
  static final Duration MAX_DEFERRAL = Duration.ofDays(366);

  private final SelfService selfService;
  private final NoticeBook notices;
  private final TechnicianCodeCommand technicianCode;
  private final java.util.Map<String, LocalCommand> commands = new java.util.concurrent.ConcurrentHashMap<>();

  public LocalRequestHandler(SelfService selfService, NoticeBook notices) {
    this(selfService, notices, null);
  }

  /** @param technicianCode answers {@code technician-code}; null: no technician workflow here */
  public LocalRequestHandler(SelfService selfService, NoticeBook notices, TechnicianCodeCommand technicianCode) {
    this.selfService = selfService;
    this.notices = notices;
    this.technicianCode = technicianCode;
  }

  /** Adds command {@code name} (one line per command in the agent's wiring). */
  public LocalRequestHandler register(String name, LocalCommand command) {
    commands.put(name, command);
    return this;
  }

  /** The answer to {@code line} (one JSON object), sent by an unknown user. */
  public JsonObject handle(String line) {
    return handle(line, "");
  }

  /** The answer to {@code line} (one JSON object) sent by local user {@code user}. */
  public JsonObject handle(String line, String user) {
    try {
      JsonObject request = parse(line);
      String command = text(request, "command", ID);
      return switch (command) {
        case "catalog" -> catalog();
        case "notices" -> notices();
        case "install" -> ok(selfService.requestInstall(text(request, "name", NAME)));
        case "defer" -> defer(text(request, "campaign", ID), duration(request));
        case "technician-code" -> technicianCode == null ? ok("no technician is expected") : technicianCode.handle();
        default -> registered(command, request, user);
      };
    } catch (IllegalArgumentException e) {
      return error("invalid_argument", e.getMessage());
    } catch (SelfServiceException e) {
      return error(e.kind().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
    } catch (RuntimeException e) {
      logger.error("local request failed", e);
      return error("internal", "the agent failed to answer: " + e);
    }
  }

  private JsonObject registered(String command, JsonObject request, String user) {
    LocalCommand registered = commands.get(command);
    if (registered == null) {
      throw new IllegalArgumentException("command: '" + command + "' (expected one of: catalog, install, notices,"
          + " defer, technician-code" + commands.keySet().stream().sorted().map(c -> ", " + c).reduce("", String::concat) + ")");
    }
    return registered.handle(request, user);
  }

  private JsonObject catalog() {
    JsonArray items = new JsonArray();
    for (SelfService.CatalogItem item : selfService.catalog()) {
      JsonObject json = new JsonObject();
      json.addProperty("deployment_id", item.deploymentId());
      json.addProperty("name", item.name());
      json.addProperty("version", item.version());
      json.addProperty("campaign_id", item.campaignId());
      json.addProperty("campaign_title", item.campaignTitle());
      json.addProperty("deadline", item.deadline() == null ? "" : item.deadline().toString());
      json.addProperty("state", item.state().name());
      json.addProperty("requested", item.requested());
      items.add(json);
    }
    JsonObject response = ok(items.size() + " package(s) offered");
    response.add("items", items);
    return response;
  }

  private JsonObject notices() {
    JsonArray items = new JsonArray();
    for (DeliveredNotice notice : notices.all()) {
      JsonObject json = new JsonObject();
      json.addProperty("deployment_id", notice.deploymentId());
      json.addProperty("campaign_id", notice.campaignId());
      json.addProperty("campaign_title", notice.campaignTitle());
      json.addProperty("title", notice.title());
      json.addProperty("message", notice.message());
      json.addProperty("shown_at", notice.shownAt().toString());
      items.add(json);
    }
    JsonObject response = ok(items.size() + " notice(s)");
    response.add("items", items);
    return response;
  }

  private JsonObject defer(String campaign, Duration duration) {
    Instant until = selfService.defer(campaign, duration);
    JsonObject response = ok("campaign " + campaign + " deferred until " + until);
    response.addProperty("deferred_until", until.toString());
    return response;
  }

  private static JsonObject parse(String line) {
    if (line == null || line.isBlank()) {
      throw new IllegalArgumentException("request: empty (expected: one JSON object on one line)");
    }
    try {
      JsonElement element = JsonParser.parseString(line);
      if (!element.isJsonObject()) {
        throw new IllegalArgumentException("request: not a JSON object (expected: {\"command\": ...})");
      }
      return element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("request: malformed JSON (" + e.getMessage() + ")");
    }
  }

  private static String text(JsonObject request, String field, Pattern pattern) {
    JsonElement value = request.get(field);
    if (value == null || value.isJsonNull()) {
      throw new IllegalArgumentException(field + ": missing");
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException(field + ": " + value + " (expected: a string)");
    }
    String text = value.getAsString();
    if (!pattern.matcher(text).matches()) {
      throw new IllegalArgumentException(field + ": '" + abbreviate(text) + "' (expected: " + pattern.pattern() + ")");
    }
    return text;
  }

  private static Duration duration(JsonObject request) {
    String text = text(request, "for", Pattern.compile("P[0-9A-Z.]{1,30}"));
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("for: '" + text + "' (expected: an ISO-8601 duration, e.g. PT4H)");
    }
    if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DEFERRAL) > 0) {
      throw new IllegalArgumentException("for: " + duration + " (expected: > 0 and <= " + MAX_DEFERRAL + ")");
    }
    return duration;
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }

  static JsonObject ok(String message) {
    JsonObject response = new JsonObject();
    response.addProperty("ok", true);
    response.addProperty("message", message);
    return response;
  }

  static JsonObject error(String code, String message) {
    JsonObject response = new JsonObject();
    response.addProperty("ok", false);
    response.addProperty("code", code);
    response.addProperty("error", message);
    return response;
  }
}
