package dev.convoy.agent.deployment;

import java.time.Instant;
import dev.convoy.release.PackageConstraint;
import dev.convoy.release.PublisherPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link JournalEntry} to and from the keys of a {@code journal/<id>.properties} file. */
final class JournalCodec {
  private static final String PARAMETER = "release.parameter.";
  private static final String OS = "release.os.";

  private JournalCodec() {}

  static Map<String, String> encode(JournalEntry entry) {
    DeploymentSpec spec = entry.spec();
    Release release = spec.release();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("deployment_id", spec.deploymentId());
    values.put("campaign_id", spec.campaignId());
    values.put("action", spec.action().name());
    values.put("attempt", Integer.toString(spec.attempt()));
    values.put("state", entry.state().name());
    values.put("next_sequence", Long.toString(entry.nextSequence()));
    values.put("reported_sequence", Long.toString(entry.reportedSequence()));
    values.put("at", entry.at().toString());
    values.put("detail", entry.detail());
    values.put("exit_code", Integer.toString(entry.exitCode()));
    values.put("bytes_downloaded", Long.toString(entry.bytesDownloaded()));
    values.put("resumed_from_offset", Long.toString(entry.resumedFromOffset()));
    values.put("release.name", release.name());
    values.put("release.version", release.version());
    values.put("release.installer", release.installer());
    values.put("release.sha256", release.sha256());
    values.put("release.length", Long.toString(release.length()));
    values.put("release.chunk_size", Integer.toString(release.chunkSize()));
    values.put("release.chunk_sha256", String.join(",", release.chunkSha256()));
    values.put("release.archive_format", release.archiveFormat());
    values.put("release.format", release.format());
    values.put("release.signer_key_id", release.signerKeyId());
    values.put("release.manifest_sha256", release.manifestSha256());
    values.put("release.downgrade", Boolean.toString(release.downgrade()));
    new TreeMap<>(release.installerParameters()).forEach((k, v) -> values.put(PARAMETER + k, v));
    Relations relations = release.relations();
    values.put("release.dependencies", constraints(relations.dependencies()));
    values.put("release.conflicts", constraints(relations.conflicts()));
    values.put("release.supersedes", constraints(relations.supersedes()));
    new TreeMap<>(relations.osRequirements()).forEach((k, v) -> values.put(OS + k, v));
    values.put("allow_downgrade", Boolean.toString(spec.allowDowngrade()));
    TermsCodec.encode(spec.terms(), values);
    AttemptNotes notes = entry.notes();
    putInstant(values, "notes.notified_at", notes.notifiedAt());
    values.put("notes.install_requested", Boolean.toString(notes.installRequested()));
    putInstant(values, "notes.deferred_until", notes.deferredUntil());
    values.put("notes.permit_pending", Boolean.toString(notes.permitPending()));
    values.put("notes.retryable", Boolean.toString(notes.retryable()));
    values.put("trusted_keys", String.join(",", spec.trustedKeys().stream()
        .map(k -> Base64.getEncoder().encodeToString(k.raw())).toList()));
    return values;
  }

  /** {@code name range;name range}: names have no space, ranges no semicolon. */
  private static String constraints(List<PackageConstraint> list) {
    return String.join(";", list.stream().map(c -> c.name() + " " + c.versions()).toList());
  }

  private static List<PackageConstraint> constraints(Map<String, String> values, String key) {
    String text = values.getOrDefault(key, "");
    return text.isEmpty() ? List.of() : Arrays.stream(text.split(";")).map(part -> {
      int space = part.indexOf(' ');
      return PackageConstraint.of(part.substring(0, space), part.substring(space + 1));
    }).toList();
  }

  private static Map<String, String> prefixed(Map<String, String> values, String prefix) {
    Map<String, String> found = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        found.put(k.substring(prefix.length()), v);
      }
    });
    return found;
  }

  /** @throws IllegalArgumentException naming the missing or malformed key */
  static JournalEntry decode(Map<String, String> values) {
    Release release = new Release(text(values, "release.name"), text(values, "release.version"),
        text(values, "release.installer"), text(values, "release.sha256"), number(values, "release.length"),
        (int) number(values, "release.chunk_size"), list(values.getOrDefault("release.chunk_sha256", "")),
        values.getOrDefault("release.archive_format", ""), values.getOrDefault("release.format", ""),
        values.getOrDefault("release.signer_key_id", ""), parameters(values),
        values.getOrDefault("release.manifest_sha256", ""),
        Boolean.parseBoolean(values.getOrDefault("release.downgrade", "false")),
        new Relations(constraints(values, "release.dependencies"), constraints(values, "release.conflicts"),
            constraints(values, "release.supersedes"), prefixed(values, OS)));
    DeploymentSpec spec = new DeploymentSpec(text(values, "deployment_id"), values.getOrDefault("campaign_id", ""),
        release, DeploymentAction.valueOf(text(values, "action")), (int) number(values, "attempt"),
        Boolean.parseBoolean(values.getOrDefault("allow_downgrade", "false")),
        list(values.getOrDefault("trusted_keys", "")).stream()
            .map(k -> PublisherPublicKey.fromRaw(Base64.getDecoder().decode(k))).toList(),
        TermsCodec.decode(values));
    AttemptNotes notes = new AttemptNotes(instant(values, "notes.notified_at"),
        flag(values, "notes.install_requested"), instant(values, "notes.deferred_until"),
        flag(values, "notes.permit_pending"), flag(values, "notes.retryable"));
    return new JournalEntry(spec, DeploymentState.valueOf(text(values, "state")), number(values, "next_sequence"),
        number(values, "reported_sequence"), Instant.parse(text(values, "at")), values.getOrDefault("detail", ""),
        (int) number(values, "exit_code"), number(values, "bytes_downloaded"), number(values, "resumed_from_offset"),
        notes);
  }

  static void putInstant(Map<String, String> values, String key, Instant value) {
    if (value != null) {
      values.put(key, value.toString());
    }
  }

  /** @throws IllegalArgumentException naming the key when present but malformed */
  static Instant instant(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' (expected: an ISO-8601 instant)");
    }
  }

  static boolean flag(Map<String, String> values, String key) {
    return Boolean.parseBoolean(values.getOrDefault(key, "false"));
  }

  private static Map<String, String> parameters(Map<String, String> values) {
    Map<String, String> parameters = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(PARAMETER)) {
        parameters.put(k.substring(PARAMETER.length()), v);
      }
    });
    return parameters;
  }

  private static String text(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException(key + ": missing");
    }
    return value;
  }

  private static long number(Map<String, String> values, String key) {
    String value = text(values, key);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' (expected: an integer)");
    }
  }

  private static List<String> list(String value) {
    return value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
  }
}
