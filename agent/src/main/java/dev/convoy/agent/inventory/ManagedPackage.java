package dev.convoy.agent.inventory;

/**
 * A package this agent manages.
 *
 * @param state e.g. {@code installed}
 */
public record ManagedPackage(String name, String version, String state) {}
