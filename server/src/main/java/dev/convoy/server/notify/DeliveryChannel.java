package dev.convoy.server.notify;

/**
 * Delivers one event to one destination of its channel (webhook or e-mail). Implementations are thread-safe, bound
 * every wait by a timeout, answer failures as {@link DeliveryResult} values and never log secrets.
 */
@FunctionalInterface
public interface DeliveryChannel {
  /** @param attempt 1 for the first attempt of this entry */
  DeliveryResult deliver(Destination destination, Notification notification, int attempt);
}
