package dev.convoy.agent.technician;

import dev.convoy.agent.notice.DeliveredNotice;
import dev.convoy.agent.notice.DesktopNotifier;
import dev.convoy.agent.notice.NoticeBook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician visits the server announced, and the presence codes to show: each new code is shown once in the
 * agent log, the notice book ({@code convoy-agent notices}) and on the desktop where one exists ("Technician NAME is
 * coming for RELEASE; code: XXXX-XXXX"); {@code convoy-agent technician-code} prints the current ones. A visit that
 * is no longer in the desired state (the technician arrived, released the job, or the code expired) is forgotten.
 *
 * <p>Thread-safe.
 */
public final class TechnicianVisits {
  private static final Logger logger = LoggerFactory.getLogger(TechnicianVisits.class);

  private final NoticeBook book;
  private final DesktopNotifier desktop;
  private final boolean desktopSession;
  private final Clock clock;
  private final Map<String, TechnicianVisit> current = new LinkedHashMap<>();

  public TechnicianVisits(NoticeBook book, DesktopNotifier desktop, boolean desktopSession, Clock clock) {
    this.book = book;
    this.desktop = desktop;
    this.desktopSession = desktopSession;
    this.clock = clock;
  }

  /** The visits of a new desired state (all of them: one missing is over). */
  public void observe(List<TechnicianVisit> visits) {
    List<TechnicianVisit> shown = new ArrayList<>();
    synchronized (this) {
      Map<String, TechnicianVisit> next = new LinkedHashMap<>();
      for (TechnicianVisit visit : visits) {
        TechnicianVisit before = current.get(visit.deploymentId());
        boolean same = before != null && before.codeId().equals(visit.codeId());
        if (same && visit.code().isEmpty()) {
          visit = before; // a restarted server keeps only the hash: the code shown before stands
        } else if (!same && !visit.code().isEmpty()) {
          shown.add(visit);
        }
        if (!visit.code().isEmpty()) {
          next.put(visit.deploymentId(), visit);
        }
      }
      current.clear();
      current.putAll(next);
    }
    shown.forEach(this::show);
  }

  /** The codes to give a technician now, soonest expiry first. */
  public synchronized List<TechnicianVisit> codes() {
    return current.values().stream().filter(v -> clock.instant().isBefore(v.expiresAt()))
        .sorted(Comparator.comparing(TechnicianVisit::expiresAt)).toList();
  }

  private void show(TechnicianVisit visit) {
    String title = "Technician " + visit.technician() + " is coming";
    String message = "Technician " + visit.technician() + " is coming for " + visit.packageName() + " "
        + visit.version() + "; code: " + visit.code() + " (valid until " + visit.expiresAt() + ")";
    logger.info("technician visit deployment={} technician={} code={} expiresAt={}", visit.deploymentId(),
        visit.technician(), visit.code(), visit.expiresAt());
    book.add(new DeliveredNotice(visit.deploymentId() + "#" + visit.codeId(), "", "", "technician",
        visit.packageName(), visit.version(), title, message, clock.instant()));
    if (desktopSession) {
      try {
        desktop.notify(title, message);
      } catch (RuntimeException e) {
        logger.warn("desktop notification failed deployment={} reason=\"{}\"", visit.deploymentId(), e.getMessage());
      }
    }
  }
}
