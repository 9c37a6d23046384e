package dev.convoy.agent.download;

import java.nio.file.Path;

/**
 * A verified payload.
 *
 * @param payload the file {@code downloads/<sha256>.payload}, length and SHA-256 checked
 * @param resumedFromOffset the verified offset this run started from (0 for a fresh download)
 * @param fetchedBytes bytes received from the server in this run
 */
public record DownloadResult(Path payload, long resumedFromOffset, long fetchedBytes) {}
