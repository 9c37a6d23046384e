package dev.convoy.agent.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.convoy.agent.storage.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training attestations of this workstation's users, in {@code DIR/training.json} (fsync'd, atomic replace):
 * written before the user is told it is recorded, so that it survives a restart and is reported until the server
 * acknowledges it. Thread-safe.
 */
public final class TrainingJournal {
  private final Path file;
  private final Map<String, Attestation> attestations = new LinkedHashMap<>();

  /** Loads {@code file} if it exists. @throws UncheckedIOException if it exists but cannot be read */
  public TrainingJournal(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        JsonArray items = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonArray();
        for (JsonElement element : items) {
          Attestation a = decode(element.getAsJsonObject());
          attestations.put(a.key(), a);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new IllegalStateException(file + ": malformed (" + e.getMessage() + ")", e);
      }
    }
  }

  /** Journals {@code attestation} unless the same (release, item, user) is already; returns what is journaled. */
  public synchronized Attestation record(Attestation attestation) {
    Attestation existing = attestations.get(attestation.key());
    if (existing != null) {
      return existing;
    }
    attestations.put(attestation.key(), attestation);
    try {
      persist();
    } catch (RuntimeException e) {
      attestations.remove(attestation.key()); // not durable: not recorded
      throw e;
    }
    return attestation;
  }

  /** Marks it acknowledged by the server (durably). */
  public synchronized void acknowledge(Attestation attestation) {
    attestations.computeIfPresent(attestation.key(), (k, a) -> a.acknowledge());
    persist();
  }

  public synchronized List<Attestation> all() {
    return List.copyOf(attestations.values());
  }

  /** Not acknowledged yet, oldest first. */
  public synchronized List<Attestation> pending() {
    return attestations.values().stream().filter(a -> !a.acknowledged()).toList();
  }

  public synchronized Optional<Attestation> find(String releaseName, String releaseVersion, String item,
      String user) {
    return Optional.ofNullable(attestations.get(new Attestation(releaseName, releaseVersion, item, user,
        Instant.EPOCH, false).key()));
  }

  private void persist() {
    JsonArray items = new JsonArray();
    new ArrayList<>(attestations.values()).forEach(a -> items.add(encode(a)));
    try {
      AtomicFile.write(file, items.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonObject encode(Attestation a) {
    JsonObject json = new JsonObject();
    json.addProperty("release_name", a.releaseName());
    json.addProperty("release_version", a.releaseVersion());
    json.addProperty("item", a.item());
    json.addProperty("user", a.user());
    json.addProperty("attested_at", a.attestedAt().toString());
    json.addProperty("acknowledged", a.acknowledged());
    return json;
  }

  private static Attestation decode(JsonObject json) {
    return new Attestation(json.get("release_name").getAsString(), json.get("release_version").getAsString(),
        json.get("item").getAsString(), json.get("user").getAsString(),
        Instant.parse(json.get("attested_at").getAsString()), json.get("acknowledged").getAsBoolean());
  }
}
