package dev.convoy.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The server data directory and the files in it (docs/runtime-layout.md "Server data directory"):
 * {@code server.properties}, {@code pki/}, {@code admin.pem}, {@code db/}, {@code content/}, {@code server.port}.
 */
public record DataDirectory(Path root) {
  public DataDirectory {
    root = root.toAbsolutePath().normalize();
  }

  public Path properties() {
    return root.resolve("server.properties");
  }

  public Path pki() {
    return root.resolve("pki");
  }

  public Path adminIdentity() {
    return root.resolve("admin.pem");
  }

  public Path database() {
    return root.resolve("db");
  }

  public Path content() {
    return root.resolve("content");
  }

  public Path portFile() {
    return root.resolve("server.port");
  }

  /** The first file found that shows this directory was initialised; empty if none is there. */
  public Optional<Path> initialisationMarker() {
    return List.of(properties(), pki(), adminIdentity(), database()).stream().filter(Files::exists).findFirst();
  }
}
