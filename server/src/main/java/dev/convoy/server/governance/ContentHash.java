package dev.convoy.server.governance;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.Targets;
import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.Threshold;
import dev.convoy.server.campaign.plan.WaveSpec;
import dev.convoy.server.campaign.plan.WindowSpec;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.catalogue.SignedManifest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The canonical content hash of a campaign: what an approval is bound to. SHA-256 (hex) over UTF-8 lines
 * {@code key=value}, in a fixed order, every text written as {@code <length>:<text>} so that no value can forge a
 * line. It covers the release (name, version, payload SHA-256, signed manifest SHA-256), the action and downgrade
 * flag, the three axes, the target <em>specification</em> (all / groups / endpoint ids / exclusions, as written: a
 * dynamic group is approved as the group, since endpoints that join it later are enlisted by design) and the whole
 * plan (start time, windows, notice, deferral, deadline, waves and gates, error action, timeouts, retries,
 * pre-staging). Not covered: title, RACI (a RACI change voids the approval by itself), state. Stateless.
 */
public final class ContentHash {
  /** Bumped when the canonical form changes (every earlier approval then no longer matches: fail closed). */
  static final String VERSION = "convoy-campaign-content/1";

  private ContentHash() {}

  /** The hash of {@code campaign} deploying {@code release}. */
  public static String of(Campaign campaign, Release release) {
    return sha256(canonical(campaign, release));
  }

  /** The canonical text (visible for tests and for an auditor who wants to recompute it). */
  public static String canonical(Campaign campaign, Release release) {
    Lines out = new Lines();
    out.add("format", VERSION);
    out.add("release.name", release.name());
    out.add("release.version", release.version());
    out.add("release.sha256", release.sha256());
    out.add("release.manifest_sha256", release.signed().map(SignedManifest::manifestSha256).orElse(""));
    out.add("action", campaign.action().name());
    out.add("allow_downgrade", campaign.allowDowngrade());
    out.add("delivery", campaign.delivery().name());
    out.add("rollout", campaign.rollout().name());
    out.add("execution", campaign.execution().name());
    targets(out, campaign.targets());
    plan(out, campaign.plan());
    return out.text();
  }

  private static void targets(Lines out, Targets t) {
    out.add("targets.all", t.all());
    out.add("targets.groups", sorted(t.groups()));
    out.add("targets.endpoint_ids", sorted(t.endpointIds()));
    out.add("targets.exclude_groups", sorted(t.excludeGroups()));
    out.add("targets.exclude_endpoint_ids", sorted(t.excludeEndpointIds()));
  }

  private static void plan(Lines out, CampaignPlan p) {
    out.add("start_at", p.startAt());
    out.add("windows", p.windowSpecs().size());
    for (WindowSpec w : p.windowSpecs()) {
      out.add("window.rrule", w.rrule());
      out.add("window.cron", w.cron());
      out.add("window.duration", w.duration());
      out.add("window.zone", w.zone());
    }
    out.add("notice.title", p.notice().title());
    out.add("notice.message", p.notice().message());
    out.add("notice.lead_time", p.notice().leadTime());
    out.add("deferral.max_count", p.deferral().maxCount());
    out.add("deferral.max_total", p.deferral().maxTotal());
    out.add("deadline", p.deadline());
    out.add("waves", p.waves().size());
    for (WaveSpec w : p.waves()) {
      out.add("wave.name", w.name());
      out.add("wave.groups", String.join(",", w.groups()));
      out.add("wave.percent", Double.toString(w.percent()));
      out.add("wave.success", threshold(w.success()));
      out.add("wave.error", threshold(w.error()));
      out.add("wave.min_sample", w.minSample());
      out.add("wave.soak", w.soak());
      out.add("wave.require_go", w.requireGo());
    }
    out.add("on_error", p.onError().name());
    out.add("timeout.downloading", p.timeouts().downloading());
    out.add("timeout.installing", p.timeouts().installing());
    out.add("timeout.awaiting_technician", p.timeouts().awaitingTechnician());
    out.add("timeout.unresponsive", p.timeouts().unresponsive());
    out.add("retry.max_attempts", p.retry().maxAttempts());
    out.add("retry.backoff", p.retry().backoff());
    out.add("retry.exit_codes", new TreeSet<>(p.retry().retryableExitCodes()).toString());
    out.add("prestage", p.prestage());
  }

  private static String threshold(Threshold t) {
    return t == null ? "" : (t.percent() ? "percent:" : "count:") + t.value();
  }

  private static String sorted(List<String> values) {
    return String.join(",", new TreeSet<>(values));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** The short form people read: the first 12 hex digits. */
  public static String shortForm(String hash) {
    return hash.length() <= 12 ? hash : hash.substring(0, 12);
  }

  private static final class Lines {
    private final StringBuilder text = new StringBuilder();

    void add(String key, Object value) {
      String v = value == null ? "" : value instanceof Duration d ? Long.toString(d.toMillis())
          : value instanceof Instant i ? Long.toString(i.toEpochMilli()) : value.toString();
      text.append(key).append('=').append(v.length()).append(':').append(v).append('\n');
    }

    String text() {
      return text.toString();
    }
  }
}
