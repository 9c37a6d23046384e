package dev.convoy.server.governance;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readiness gate's two commands: what a release is missing, and the waiver of missing items by the release's
 * Accountable (audited, in the same batch). Thread-safe.
 */
public final class ReadinessService {
  private static final Logger logger = LoggerFactory.getLogger(ReadinessService.class);

  private final GovernanceContext ctx;
  private final StartRules rules;

  ReadinessService(GovernanceContext ctx, StartRules rules) {
    this.ctx = ctx;
    this.rules = rules;
  }

  /** @throws ConvoyException NOT_FOUND for an unknown release */
  public Readiness readiness(String name, String version) {
    return rules.readiness(ctx.catalogue.require(name, version));
  }

  /** Whether production campaigns are refused while their release is not ready (server setting). */
  public boolean enforced() {
    return ctx.config.requireReadiness();
  }

  /**
   * Waives {@code items} of release {@code name@version} for production campaigns.
   *
   * @param keys runbook, user-doc, kb, training
   * @throws ConvoyException NOT_FOUND for an unknown release; INVALID_ARGUMENT for an unknown item, none, or an
   *     empty comment; FAILED_PRECONDITION without a release RACI or for an item the release carries;
   *     PERMISSION_DENIED for anyone but the release's Accountable
   */
  public Readiness waive(String name, String version, List<String> keys, String comment, Caller caller) {
    Release release = ctx.catalogue.require(name, version);
    List<ReadinessItem> items = items(keys);
    String text = Require.optionalText("comment", comment, Approvals.MAX_COMMENT);
    if (text.isBlank()) {
      throw ConvoyException.invalidArgument("comment: empty (expected: why the release may reach production"
          + " without " + Readiness.labels(items) + ")");
    }
    Lock lock = ctx.lock(release.ref());
    lock.lock();
    try {
      ReleaseGovernance g = ctx.store.release(name, version).orElse(ReleaseGovernance.NONE);
      Raci raci = g.raciIfSet().orElseThrow(() -> ConvoyException.failedPrecondition("release " + release.ref()
          + " has no RACI (expected: convoy raci set release " + release.ref() + " --responsible P"
          + " --accountable P first; its Accountable signs waivers)"));
      if (!caller.name().equals(raci.accountable())) {
        throw ConvoyException.permissionDenied("waive: " + caller.name() + " is not the Accountable of release "
            + release.ref() + " (the Accountable is " + raci.accountable() + ")");
      }
      Readiness before = Readiness.of(release, g);
      List<ReadinessWaiver> waivers = new ArrayList<>();
      for (ReadinessItem item : items) {
        if (before.present().contains(item)) {
          throw ConvoyException.failedPrecondition(item.key() + ": release " + release.ref() + " carries a "
              + item.label() + " already (nothing to waive)");
        }
        waivers.add(new ReadinessWaiver(item, caller.name(), ctx.clock.instant(), text));
      }
      ReleaseGovernance after = g.waived(waivers);
      ChangeSet changes = ctx.audit.newChangeSet();
      ctx.store.put(changes, name, version, after);
      ctx.audit.append(changes, new AuditEvent(caller.subject(), "release.waive-readiness", release.ref(), Map.of(
          "waived", items.stream().map(ReadinessItem::key).collect(Collectors.joining(",")),
          "labels", Readiness.labels(items), "comment", text)));
      logger.info("readiness waived release={} items={} by={}", release.ref(), items, caller.name());
      return Readiness.of(release, after);
    } finally {
      lock.unlock();
    }
  }

  private static List<ReadinessItem> items(List<String> keys) {
    LinkedHashSet<ReadinessItem> items = new LinkedHashSet<>();
    for (String key : keys) {
      for (String part : key.split(",")) {
        if (!part.isBlank()) {
          items.add(ReadinessItem.fromKey(part).orElseThrow(() -> ConvoyException.invalidArgument("missing: "
              + part.strip() + " (expected: one of " + ReadinessItem.keys() + ")")));
        }
      }
    }
    if (items.isEmpty()) {
      throw ConvoyException.invalidArgument("missing: none (expected: one or more of " + ReadinessItem.keys() + ")");
    }
    return List.copyOf(items);
  }
}
