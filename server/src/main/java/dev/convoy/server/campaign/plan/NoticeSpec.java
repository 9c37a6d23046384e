package dev.convoy.server.campaign.plan;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.time.Duration;
import java.util.Objects;

/**
 * What users are told before a change, and the minimum time between its delivery at an endpoint and the install
 * there. The text is the admin's, in whatever language they wrote it.
 *
 * @param title may be empty (the release is named instead)
 * @param message may be empty (a default English message is sent, see {@link #orDefault})
 */
public record NoticeSpec(String title, String message, Duration leadTime) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_MESSAGE = 8 * 1024;
  public static final Duration MAX_LEAD = Duration.ofDays(60);

  public NoticeSpec {
    title = Objects.requireNonNullElse(title, "");
    message = Objects.requireNonNullElse(message, "");
    leadTime = Objects.requireNonNullElse(leadTime, Duration.ZERO);
  }

  public static NoticeSpec none() {
    return new NoticeSpec("", "", Duration.ZERO);
  }

  /** @throws ConvoyException INVALID_ARGUMENT naming {@code notice.*} */
  public NoticeSpec validated() {
    Require.optionalText("notice.title", title, MAX_TITLE);
    if (message.length() > MAX_MESSAGE) {
      throw ConvoyException.invalidArgument("notice.message: " + message.length()
          + " characters (expected: at most " + MAX_MESSAGE + ")");
    }
    if (message.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw ConvoyException.invalidArgument("notice.message: contains control characters (expected: text; line"
          + " breaks and tabs are allowed)");
    }
    if (leadTime.isNegative() || leadTime.compareTo(MAX_LEAD) > 0) {
      throw ConvoyException.invalidArgument("notice.lead_time: " + leadTime + " (expected: 0 to 60 days)");
    }
    return this;
  }

  /** The notice as sent: the admin's text, or a plain English one naming the change when none was written. */
  public NoticeSpec orDefault(String releaseRef, boolean uninstall, String campaignTitle) {
    String t = title.isBlank() ? (uninstall ? "Removal of " : "Installation of ") + releaseRef : title;
    String m = message.isBlank()
        ? "IT will " + (uninstall ? "remove " : "install ") + releaseRef + " on this computer (campaign \""
            + campaignTitle + "\")." + (leadTime.isZero() ? "" : " It will not start before " + Durations.words(leadTime)
            + " from now.")
        : message;
    return new NoticeSpec(t, m, leadTime);
  }
}
