package dev.convoy.server.governance;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignState;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.people.Permission;
import dev.convoy.server.people.Person;
import dev.convoy.server.people.Role;
import dev.convoy.server.storage.ChangeSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets and reads the RACI of releases and campaigns. Rules: every person named exists and is not revoked; exactly
 * one Accountable, who may approve and is never the campaign's creator (four-eyes); Consulted persons may
 * acknowledge. Changing the RACI of a campaign not started yet voids its approval and acknowledgements. Every change
 * is in the audit log, in the same batch. Thread-safe.
 */
public final class RaciService {
  private static final Logger logger = LoggerFactory.getLogger(RaciService.class);
  static final int MAX_PERSONS = 50;
  static final int MAX_COMMENT = 1000;

  private final GovernanceContext ctx;

  RaciService(GovernanceContext ctx) {
    this.ctx = ctx;
  }

  /** The RACI as asked for: person names; checked by {@link #set}. */
  public record Input(String responsible, String accountable, List<String> consulted, List<String> informed) {}

  /**
   * Sets the RACI of campaign {@code campaignId}.
   *
   * @throws ConvoyException NOT_FOUND for an unknown campaign; FAILED_PRECONDITION for a finished campaign or a
   *     four-eyes violation; INVALID_ARGUMENT / FAILED_PRECONDITION naming the field for persons (see class doc)
   */
  public Raci setOnCampaign(String campaignId, Input input, Caller caller, String comment) {
    Lock lock = ctx.lock(campaignId);
    lock.lock();
    try {
      Campaign campaign = ctx.campaign(campaignId);
      if (campaign.state().isTerminal()) {
        throw ConvoyException.failedPrecondition("campaign " + campaignId + " is " + campaign.state()
            + " (expected: not finished, to set its RACI)");
      }
      Raci raci = checked(input, caller);
      requireFourEyes(raci, campaign);
      CampaignGovernance before = ctx.governance(campaignId);
      boolean notStarted = campaign.state() == CampaignState.DRAFT || campaign.state() == CampaignState.SCHEDULED;
      CampaignGovernance after = (notStarted
          ? before.voided(ctx.clock.instant(), caller.subject(), "RACI changed") : before).withRaci(raci);
      ChangeSet changes = ctx.audit.newChangeSet();
      ctx.store.put(changes, after);
      ctx.forgetOverride(campaignId);
      if (notStarted && !before.pilot()) {
        after.lastVoid().filter(v -> before.hasSignatures())
            .ifPresent(v -> ctx.events.approvalVoided(changes, campaign, raci, v));
        ctx.events.approvalRequested(changes, campaign, raci, "RACI set");
        if (!raci.consulted().isEmpty()) {
          ctx.events.ackRequested(changes, campaign, raci, raci.consulted());
        }
      }
      ctx.audit.append(changes, event(caller, "campaign:" + campaignId, raci, comment,
          before.hasSignatures() && notStarted ? "approval and acknowledgements voided" : ""));
      logger.info("raci set campaign={} accountable={} by={}", campaignId, raci.accountable(), caller.name());
      return raci;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sets the RACI of release {@code name@version} (campaigns of it created later inherit it).
   *
   * @throws ConvoyException NOT_FOUND for an unknown release; INVALID_ARGUMENT / FAILED_PRECONDITION for persons
   */
  public Raci setOnRelease(String name, String version, Input input, Caller caller, String comment) {
    Release release = ctx.catalogue.require(name, version);
    Lock lock = ctx.lock(release.ref());
    lock.lock();
    try {
      Raci raci = checked(input, caller);
      ReleaseGovernance after = ctx.store.release(name, version).orElse(ReleaseGovernance.NONE).withRaci(raci);
      ChangeSet changes = ctx.audit.newChangeSet();
      ctx.store.put(changes, name, version, after);
      ctx.audit.append(changes, event(caller, "release:" + release.ref(), raci, comment, ""));
      logger.info("raci set release={} accountable={} by={}", release.ref(), raci.accountable(), caller.name());
      return raci;
    } finally {
      lock.unlock();
    }
  }

  public Optional<Raci> ofCampaign(String campaignId) {
    ctx.campaign(campaignId);
    return ctx.store.campaign(campaignId).flatMap(CampaignGovernance::raciIfSet);
  }

  public Optional<Raci> ofRelease(String name, String version) {
    ctx.catalogue.require(name, version);
    return ctx.store.release(name, version).flatMap(ReleaseGovernance::raciIfSet);
  }

  /** The four-eyes rule: the Accountable never created the campaign. */
  void requireFourEyes(Raci raci, Campaign campaign) {
    if (ctx.isCreator(raci.accountable(), campaign)) {
      throw ConvoyException.failedPrecondition("accountable: " + raci.accountable() + " created campaign "
          + campaign.id() + " (creator: " + campaign.createdBy() + "; expected: another person — four-eyes: the"
          + " Accountable is never the campaign's creator)");
    }
  }

  private Raci checked(Input input, Caller caller) {
    String responsible = person("responsible", input.responsible(), null);
    String accountable = person("accountable", input.accountable(), Permission.APPROVE);
    if (input.consulted().size() + input.informed().size() > MAX_PERSONS) {
      throw ConvoyException.invalidArgument("consulted, informed: " + (input.consulted().size()
          + input.informed().size()) + " persons (expected: at most " + MAX_PERSONS + ")");
    }
    List<String> consulted = new ArrayList<>();
    for (String name : input.consulted()) {
      if (name.equals(accountable)) {
        throw ConvoyException.invalidArgument("consulted: " + name + " is the Accountable (expected: other persons)");
      }
      consulted.add(person("consulted", name, Permission.APPROVE));
    }
    List<String> informed = input.informed().stream().map(n -> person("informed", n, null)).toList();
    return new Raci(responsible, accountable, consulted, informed, caller.subject(), ctx.clock.instant(), "");
  }

  private String person(String field, String name, Permission needed) {
    if (name == null || name.isBlank()) {
      throw ConvoyException.invalidArgument(field + ": empty (expected: exactly one person's name)");
    }
    String n = name.strip();
    Person person = ctx.people.find(n).orElseThrow(() -> ConvoyException.invalidArgument(field + ": " + n
        + " is not a known person (expected: a name `convoy identity issue` registered)"));
    if (person.revoked()) {
      throw ConvoyException.failedPrecondition(field + ": " + n + " was revoked at " + person.revokedAt()
          + " (expected: an active person)");
    }
    if (needed != null && !person.may(needed)) {
      throw ConvoyException.failedPrecondition(field + ": " + n + " has roles " + person.roles().stream()
          .map(Role::label).sorted().collect(Collectors.joining(",")) + " (expected: a role that grants "
          + needed.label() + ", e.g. approver)");
    }
    return n;
  }

  private static AuditEvent event(Caller caller, String target, Raci raci, String comment, String voided) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("responsible", raci.responsible());
    details.put("accountable", raci.accountable());
    details.put("consulted", String.join(",", raci.consulted()));
    details.put("informed", String.join(",", raci.informed()));
    details.put("comment", Require.optionalText("comment", comment, MAX_COMMENT));
    details.put("voided", voided);
    if (target.startsWith("campaign:")) {
      details.put("campaign_id", target.substring("campaign:".length()));
    }
    details.values().removeIf(String::isEmpty);
    return new AuditEvent(caller.subject(), "raci.set", target, details);
  }
}
