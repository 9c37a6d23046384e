package dev.convoy.cli.quickstart;

import dev.convoy.cli.testing.FakeAdminService;
import dev.convoy.cli.testing.Sleepers;
import dev.convoy.cli.testing.Statuses;
import dev.convoy.protocol.v1.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ProcessLauncher} that plays the distribution's {@code convoy-server} and {@code convoy-agent}: it does
 * to the file system and to {@link FakeAdminService} what they would do, and stands in a real {@code sleep 300}
 * process for every background process, so that PIDs, start instants and stopping are real.
 */
final class FakeDistribution implements ProcessLauncher {
  static final String FINGERPRINT = "SHA256:" + "ab".repeat(32);
  static final int PORT = 40123;

  final List<List<String>> commands = new CopyOnWriteArrayList<>();
  final List<ProcessHandle> started = new CopyOnWriteArrayList<>();
  private final FakeAdminService service;
  private final Sleepers sleepers;
  /** When false, {@code convoy-server run} exits at once without writing its port. */
  boolean serverStarts = true;

  FakeDistribution(FakeAdminService service, Sleepers sleepers) {
    this.service = service;
    this.sleepers = sleepers;
  }

  /** A distribution home whose bin directory has the two (empty, executable) launchers. */
  static Path home(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String name : List.of("convoy-server", "convoy-agent")) {
      Files.writeString(bin.resolve(name), "#!/bin/sh\nexit 1\n");
      Files.setPosixFilePermissions(bin.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }

  @Override
  public Completed run(List<String> command, Duration timeout) throws IOException {
    commands.add(command);
    Path data = Path.of(after(command, "--data"));
    if (is(command, "convoy-server", "init")) {
      Files.createDirectories(data);
      Files.writeString(data.resolve("admin.pem"), "not a real identity: the test channel ignores it\n");
      return new Completed(0, "Initialised " + data + "\nCA fingerprint: " + FINGERPRINT
          + "\nListen: 127.0.0.1:0\nAdmin identity: " + data.resolve("admin.pem") + "\n");
    }
    if (is(command, "convoy-agent", "enroll")) {
      String id = "ep-" + data.getFileName();
      Files.createDirectories(data);
      Files.writeString(data.resolve("agent.properties"), "server=" + after(command, "--server")
          + "\nendpoint_id=" + id + "\ngroup=quickstart\n");
      service.endpoints.add(Statuses.endpoint(id, "this-host", "quickstart", false));
      return new Completed(0, "Enrolled as " + id + "\n");
    }
    throw new IllegalArgumentException("unexpected command " + command);
  }

  @Override
  public ProcessHandle start(List<String> command, Path log) throws IOException {
    commands.add(command);
    Path data = Path.of(after(command, "--data"));
    Files.writeString(log, "started\n");
    if (is(command, "convoy-server", "run")) {
      if (!serverStarts) {
        Files.writeString(log, "bind failed: address in use\n");
        return track(sleepers.spawn(List.of("true")).toHandle());
      }
      Files.writeString(data.resolve("server.port"), PORT + "\n");
    } else if (is(command, "convoy-agent", "run")) {
      String id = "ep-" + data.getFileName();
      service.endpoints.replaceAll(e -> e.getEndpointId().equals(id) ? online(e) : e);
      install(data);
    }
    return track(sleepers.spawn().toHandle());
  }

  private ProcessHandle track(ProcessHandle process) {
    started.add(process);
    return process;
  }

  /** What the archive installer leaves behind: versions/1.0.0 and the current symlink. */
  private static void install(Path agentData) throws IOException {
    Path managed = agentData.resolve("managed/hello-convoy");
    Path bin = Files.createDirectories(managed.resolve("versions/1.0.0/bin"));
    Files.writeString(bin.resolve("hello-convoy"), "#!/bin/sh\necho hello\n");
    Files.createSymbolicLink(managed.resolve("current"), Path.of("versions/1.0.0"));
  }

  private static Endpoint online(Endpoint endpoint) {
    return endpoint.toBuilder().setOnline(true).build();
  }

  private static boolean is(List<String> command, String program, String verb) {
    return command.get(0).endsWith("/" + program) && command.get(1).equals(verb);
  }

  private static String after(List<String> command, String option) {
    return command.get(command.indexOf(option) + 1);
  }
}
