package dev.convoy.agent.notice;

import java.time.Instant;

/**
 * A notice as it was shown on this endpoint (what {@code convoy-agent notices} lists).
 *
 * @param shownAt when the agent showed it (its own clock)
 */
public record DeliveredNotice(String deploymentId, String campaignId, String campaignTitle, String action,
    String packageName, String version, String title, String message, Instant shownAt) {}
