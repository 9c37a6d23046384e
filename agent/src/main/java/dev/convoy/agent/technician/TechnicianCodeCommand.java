package dev.convoy.agent.technician;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The local socket's {@code technician-code} command: the presence codes to give a technician at the desk (one
 * JSON object: {@code {"ok":true,"message":...,"items":[{deployment_id, release, technician, code, expires_at}]}}).
 * Thread-safe.
 */
public final class TechnicianCodeCommand {
  private final TechnicianVisits visits;

  public TechnicianCodeCommand(TechnicianVisits visits) {
    this.visits = visits;
  }

  public JsonObject handle() {
    JsonArray items = new JsonArray();
    for (TechnicianVisit visit : visits.codes()) {
      JsonObject item = new JsonObject();
      item.addProperty("deployment_id", visit.deploymentId());
      item.addProperty("release", visit.packageName() + " " + visit.version());
      item.addProperty("technician", visit.technician());
      item.addProperty("code", visit.code());
      item.addProperty("expires_at", visit.expiresAt().toString());
      items.add(item);
    }
    JsonObject response = new JsonObject();
    response.addProperty("ok", true);
    response.addProperty("message", items.isEmpty() ? "no technician is expected" : items.size() + " code(s)");
    response.add("items", items);
    return response;
  }
}
