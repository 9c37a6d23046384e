package dev.convoy.server.endpoint;

import dev.convoy.server.common.Require;

/** A package an agent reports as managed by Convoy on its endpoint, e.g. {@code libreoffice 7.6.4 installed}. */
public record ManagedPackage(String name, String version, String state) {
  public ManagedPackage {
    name = Require.text("managed_packages.name", name, 128);
    version = Require.optionalText("managed_packages.version", version, 128);
    state = Require.optionalText("managed_packages.state", state, 64);
  }
}
