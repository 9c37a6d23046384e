package dev.convoy.server.catalogue;

import java.util.List;

/** A verified payload: its SHA-256, length, and the SHA-256 of each {@code chunkSize}-byte chunk. */
public record StoredContent(String sha256, long length, int chunkSize, List<String> chunkSha256) {
  public StoredContent {
    chunkSha256 = List.copyOf(chunkSha256);
  }
}
