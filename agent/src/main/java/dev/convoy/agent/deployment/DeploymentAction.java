package dev.convoy.agent.deployment;

/** What a deployment does with its release. */
public enum DeploymentAction { INSTALL, UNINSTALL }
