package dev.convoy.agent.notice;

import dev.convoy.agent.deployment.DeploymentAction;
import dev.convoy.agent.deployment.DeploymentSpec;
import dev.convoy.agent.deployment.Notice;
import dev.convoy.agent.deployment.NoticeDisplay;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a deployment's notice: always in the agent log (INFO, title and message), in the notice book
 * ({@code convoy-agent notices}), and on the desktop when a session bus is there ({@code DBUS_SESSION_BUS_ADDRESS}
 * set). A desktop that fails is logged, never fatal: the notice is in the log and the list. A later attempt of the
 * same deployment is not shown again. A notice without text gets one naming the change.
 *
 * <p>Thread-safe.
 */
public final class Notices implements NoticeDisplay {
  private static final Logger logger = LoggerFactory.getLogger(Notices.class);
  /** The variable whose presence means a desktop session can show notifications. */
  public static final String BUS_VARIABLE = "DBUS_SESSION_BUS_ADDRESS";

  private final NoticeBook book;
  private final DesktopNotifier desktop;
  private final boolean desktopSession;

  /** @param environment the agent's environment: the desktop is used only when {@value #BUS_VARIABLE} is set */
  public Notices(NoticeBook book, DesktopNotifier desktop, Map<String, String> environment) {
    this.book = book;
    this.desktop = desktop;
    String bus = environment.get(BUS_VARIABLE);
    this.desktopSession = bus != null && !bus.isBlank();
  }

  @Override
  public void show(DeploymentSpec spec, Instant at) {
    if (book.contains(spec.deploymentId())) {
      logger.info("notice already shown deployment={} attempt={}", spec.deploymentId(), spec.attempt());
      return;
    }
    DeliveredNotice notice = notice(spec, at);
    logger.info("notice deployment={} campaign={} title=\"{}\" message=\"{}\"", notice.deploymentId(),
        notice.campaignId(), notice.title(), notice.message());
    book.add(notice);
    if (desktopSession) {
      try {
        desktop.notify(notice.title(), notice.message());
      } catch (RuntimeException e) {
        logger.warn("desktop notification failed deployment={} reason=\"{}\" (the notice is in the log and in "
            + "'convoy-agent notices')", spec.deploymentId(), e.getMessage());
      }
    }
  }

  static DeliveredNotice notice(DeploymentSpec spec, Instant at) {
    Notice notice = spec.terms().notice();
    String verb = spec.action() == DeploymentAction.UNINSTALL ? "remove" : "install";
    String change = verb + " " + spec.release().name() + " " + spec.release().version();
    String title = notice.titleOr("Convoy will " + change);
    String message = notice.message().isBlank()
        ? "IT will " + change + " on this computer" + (spec.terms().title().isEmpty() ? "" : " (" + spec.terms().title() + ")") + "."
        : notice.message();
    return new DeliveredNotice(spec.deploymentId(), spec.campaignId(), spec.terms().title(), verb,
        spec.release().name(), spec.release().version(), title, message, at);
  }
}
