package dev.convoy.agent.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the user is told before a change (the agent's mirror of {@code convoy.v1.Notice}).
 *
 * @param title short, one line
 * @param message as the admin wrote it, in any language
 * @param leadTime how long after its delivery the change may start installing (PUSH); never negative
 * @param deliveredAt the server's delivery receipt, or null when the server has not stored one yet
 */
public record Notice(String title, String message, Duration leadTime, Instant deliveredAt) {
  /** What a deployment from a server that sends no notice shows. */
  public static final Notice NONE = new Notice("", "", Duration.ZERO, null);

  public Notice {
    title = title == null ? "" : title;
    message = message == null ? "" : message;
    leadTime = leadTime == null || leadTime.isNegative() ? Duration.ZERO : leadTime;
  }

  /** The title, or a default naming the release when the admin wrote none. */
  public String titleOr(String fallback) {
    return title.isBlank() ? Objects.requireNonNull(fallback) : title;
  }
}
