package dev.convoy.agent.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link CampaignTerms} to and from {@code terms.*} keys of a journal entry. An entry written before campaign
 * terms existed has none and reads as {@link CampaignTerms#LEGACY}. Thread-safe (stateless).
 */
final class TermsCodec {
  private static final String PRESENT = "terms.delivery";

  private TermsCodec() {}

  static void encode(CampaignTerms terms, Map<String, String> values) {
    values.put("terms.title", terms.title());
    values.put(PRESENT, terms.delivery().name());
    values.put("terms.execution", terms.execution().name());
    Notice notice = terms.notice();
    values.put("terms.notice.title", notice.title());
    values.put("terms.notice.message", notice.message());
    values.put("terms.notice.lead_time", notice.leadTime().toString());
    JournalCodec.putInstant(values, "terms.notice.delivered_at", notice.deliveredAt());
    InstallGate gate = terms.gate();
    values.put("terms.gate.hold", Boolean.toString(gate.hold()));
    JournalCodec.putInstant(values, "terms.gate.not_before", gate.notBefore());
    values.put("terms.gate.anytime", Boolean.toString(gate.anytime()));
    List<String> windows = gate.windows().stream().map(w -> w.start() + "/" + w.end()).toList();
    values.put("terms.gate.windows", String.join(",", windows));
    values.put("terms.gate.prestage", Boolean.toString(gate.prestage()));
    JournalCodec.putInstant(values, "terms.gate.deadline", gate.deadline());
    values.put("terms.gate.user_request_required", Boolean.toString(gate.userRequestRequired()));
    values.put("terms.gate.technician_required", Boolean.toString(gate.technicianRequired()));
    values.put("terms.gate.technician_present", Boolean.toString(gate.technicianPresent()));
    Deferral deferral = terms.deferral();
    values.put("terms.deferral.max_count", Integer.toString(deferral.maxCount()));
    values.put("terms.deferral.max_total", deferral.maxTotal().toString());
    values.put("terms.deferral.used_count", Integer.toString(deferral.usedCount()));
    values.put("terms.deferral.used_total", deferral.usedTotal().toString());
    JournalCodec.putInstant(values, "terms.deferral.deferred_until", deferral.deferredUntil());
    JournalCodec.putInstant(values, "terms.deferral.latest", deferral.latest());
  }

  /** @throws IllegalArgumentException naming a malformed key */
  static CampaignTerms decode(Map<String, String> values) {
    if (!values.containsKey(PRESENT)) {
      return CampaignTerms.LEGACY;
    }
    Notice notice = new Notice(values.get("terms.notice.title"), values.get("terms.notice.message"),
        duration(values, "terms.notice.lead_time"), JournalCodec.instant(values, "terms.notice.delivered_at"));
    InstallGate gate = new InstallGate(JournalCodec.flag(values, "terms.gate.hold"),
        JournalCodec.instant(values, "terms.gate.not_before"), JournalCodec.flag(values, "terms.gate.anytime"),
        windows(values.getOrDefault("terms.gate.windows", "")), JournalCodec.flag(values, "terms.gate.prestage"),
        JournalCodec.instant(values, "terms.gate.deadline"),
        JournalCodec.flag(values, "terms.gate.user_request_required"),
        JournalCodec.flag(values, "terms.gate.technician_required"),
        JournalCodec.flag(values, "terms.gate.technician_present"));
    Deferral deferral = new Deferral(integer(values, "terms.deferral.max_count"),
        duration(values, "terms.deferral.max_total"), integer(values, "terms.deferral.used_count"),
        duration(values, "terms.deferral.used_total"), JournalCodec.instant(values, "terms.deferral.deferred_until"),
        JournalCodec.instant(values, "terms.deferral.latest"));
    return new CampaignTerms(values.get("terms.title"), enumValue(Delivery.class, values, PRESENT),
        enumValue(Execution.class, values, "terms.execution"), notice, gate, deferral);
  }

  private static List<TimeWindow> windows(String value) {
    List<TimeWindow> windows = new ArrayList<>();
    if (!value.isEmpty()) {
      for (String part : value.split(",")) {
        String[] bounds = part.split("/", 2);
        if (bounds.length != 2) {
          throw new IllegalArgumentException("terms.gate.windows: '" + part + "' (expected: START/END)");
        }
        windows.add(new TimeWindow(Instant.parse(bounds[0]), Instant.parse(bounds[1])));
      }
    }
    return windows;
  }

  private static Duration duration(Map<String, String> values, String key) {
    String value = values.getOrDefault(key, "PT0S");
    try {
      return Duration.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' (expected: an ISO-8601 duration)");
    }
  }

  private static int integer(Map<String, String> values, String key) {
    String value = values.getOrDefault(key, "0");
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' (expected: an integer)");
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, Map<String, String> values, String key) {
    String value = values.get(key);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' (expected one of: "
          + java.util.Arrays.toString(type.getEnumConstants()) + ")");
    }
  }
}
