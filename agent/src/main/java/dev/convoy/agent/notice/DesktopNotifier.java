package dev.convoy.agent.notice;

/**
 * Puts a notification on the user's desktop: a port ({@link NotifySend} in production, a recorder in tests).
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface DesktopNotifier {
  /**
   * Shows one notification.
   *
   * @throws RuntimeException when it could not be shown (logged by the caller, never fatal)
   */
  void notify(String title, String message);
}
