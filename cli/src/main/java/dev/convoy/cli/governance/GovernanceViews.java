package dev.convoy.cli.governance;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.CampaignGovernance;
import dev.convoy.protocol.v1.Raci;
import dev.convoy.protocol.v1.RaciResponse;
import dev.convoy.protocol.v1.ReleaseReadiness;
import java.time.Instant;

/** Plain-text views of RACI, a campaign's approval state and a release's readiness. Stateless. */
public final class GovernanceViews {
  private GovernanceViews() {}

  static String raci(String subject, RaciResponse response) {
    if (!response.getHasRaci()) {
      return subject + ": no RACI set\n";
    }
    return subject + "\n" + raci(response.getRaci());
  }

  private static String raci(Raci r) {
    return "  Responsible  " + r.getResponsible() + "\n"
        + "  Accountable  " + r.getAccountable() + "\n"
        + "  Consulted    " + (r.getConsultedCount() == 0 ? "-" : String.join(", ", r.getConsultedList())) + "\n"
        + "  Informed     " + (r.getInformedCount() == 0 ? "-" : String.join(", ", r.getInformedList())) + "\n"
        + "  set by       " + r.getSetBy() + " at " + time(r.getSetAt())
        + (r.getInheritedFrom().isEmpty() ? "" : " (inherited from release " + r.getInheritedFrom() + ")") + "\n";
  }

  /** A campaign's governance: kind, RACI, approval, acknowledgements, waivers, voids, what a start needs. */
  public static String governance(CampaignGovernance g) {
    StringBuilder out = new StringBuilder("campaign " + g.getCampaignId() + " ("
        + (g.getPilot() ? "pilot" : "production") + ")\n");
    out.append(g.getHasRaci() ? raci(g.getRaci()) : "  no RACI set\n");
    out.append("  content      ").append(g.getContentHash()).append('\n');
    if (g.hasApproval()) {
      var a = g.getApproval();
      out.append("  approved by  ").append(a.getBy()).append(" at ").append(time(a.getAt()))
          .append(a.getContentHash().equals(g.getContentHash()) ? " (current content)" : " (OTHER content)")
          .append(a.getComment().isEmpty() ? "" : ": " + a.getComment()).append('\n');
    } else {
      out.append("  approval     none\n");
    }
    g.getAcknowledgementsList().forEach(a -> out.append("  acknowledged by ").append(a.getPerson()).append(" at ")
        .append(time(a.getAt())).append(a.getComment().isEmpty() ? "" : ": " + a.getComment()).append('\n'));
    g.getConsultedWaiversList().forEach(w -> out.append("  acknowledgement of ").append(w.getPerson())
        .append(" waived by ").append(w.getBy()).append('\n'));
    if (g.hasNoticeOverride()) {
      out.append("  notice override by ").append(g.getNoticeOverride().getBy()).append(": ")
          .append(g.getNoticeOverride().getJustification()).append('\n');
    }
    g.getVoidsList().forEach(v -> out.append("  voided at ").append(time(v.getAt())).append(": ")
        .append(v.getReason()).append(v.getWasApprovedBy().isEmpty() ? "" : " (approval by " + v.getWasApprovedBy()
            + ")").append('\n'));
    if (g.getBlockersCount() == 0) {
      out.append("  start        ").append(g.getGated() ? "allowed" : "allowed (no approval needed)").append('\n');
    } else {
      out.append("  start needs:\n");
      g.getBlockersList().forEach(b -> out.append("    - ").append(b).append('\n'));
    }
    return out.toString();
  }

  /** What a release carries and lacks for production campaigns. */
  public static String readiness(ReleaseReadiness r) {
    StringBuilder out = new StringBuilder("release " + r.getReleaseName() + "@" + r.getReleaseVersion() + ": "
        + (r.getReady() ? "ready" : "NOT ready") + " for production campaigns"
        + (r.getEnforced() ? "" : " (not enforced by this server)") + "\n");
    for (var item : r.getItemsList()) {
      out.append(String.format("  %-22s %s%n", item.getLabel(), item.getPresent() ? "present"
          : item.getWaived() ? "waived by " + item.getWaivedBy() + " at " + time(item.getWaivedAt()) + ": "
              + item.getComment() : "MISSING (" + item.getItem() + ")"));
    }
    return out.toString();
  }

  private static String time(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
  }
}
