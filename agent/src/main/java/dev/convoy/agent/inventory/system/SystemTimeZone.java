package dev.convoy.agent.inventory.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The machine's IANA time zone ({@code Europe/Paris}): read at each collection from the {@code /etc/localtime}
 * link ({@code .../zoneinfo/Europe/Paris}), else {@code /etc/timezone}, else the JVM's default (which the JVM
 * fixes at start, so a zone changed while the agent runs would be missed).
 *
 * <p>Immutable and thread-safe.
 */
public final class SystemTimeZone {
  private final Path localtime;
  private final Path timezoneFile;

  public SystemTimeZone(Path localtime, Path timezoneFile) {
    this.localtime = localtime;
    this.timezoneFile = timezoneFile;
  }

  /** {@code /etc/localtime} and {@code /etc/timezone}. */
  public static SystemTimeZone system() {
    return new SystemTimeZone(Path.of("/etc/localtime"), Path.of("/etc/timezone"));
  }

  /** The zone id; never throws. */
  public String id() {
    return fromLink().or(this::fromFile).orElseGet(() -> ZoneId.systemDefault().getId());
  }

  private Optional<String> fromLink() {
    try {
      String target = Files.readSymbolicLink(localtime).toString();
      int at = target.indexOf("zoneinfo/");
      return at < 0 ? Optional.empty() : valid(target.substring(at + "zoneinfo/".length()));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private Optional<String> fromFile() {
    try {
      return valid(Files.readString(timezoneFile, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> valid(String id) {
    try {
      return id.isEmpty() ? Optional.empty() : Optional.of(ZoneId.of(id).getId());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
