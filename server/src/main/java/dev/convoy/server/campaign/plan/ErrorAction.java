package dev.convoy.server.campaign.plan;

/** What an error-threshold breach does to a campaign. */
public enum ErrorAction {
  /** Stop widening and hold every install not started yet; an admin resumes or aborts. */
  PAUSE,
  /** End the campaign: every deployment not yet installing is cancelled. */
  ABORT
}
