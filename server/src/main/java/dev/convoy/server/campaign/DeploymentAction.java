package dev.convoy.server.campaign;

/** What a campaign does with its release on each endpoint. */
public enum DeploymentAction {
  /** Install (or upgrade to) the release. */
  INSTALL,
  /** Remove the release with its installer backend's uninstall; nothing is downloaded. */
  UNINSTALL
}
