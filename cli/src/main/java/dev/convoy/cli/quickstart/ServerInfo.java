package dev.convoy.cli.quickstart;

import dev.convoy.transport.ServerAddress;
import java.nio.file.Path;

/**
 * The quick start's running server.
 *
 * @param caFingerprint {@code SHA256:...} as {@code convoy-server init} printed it; agents pin it at enrollment
 */
public record ServerInfo(ServerAddress address, String caFingerprint, Path adminIdentity, long pid) {}
