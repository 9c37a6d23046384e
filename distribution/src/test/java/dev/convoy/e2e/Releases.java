package dev.convoy.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/** Signed releases for end-to-end tests, made with the real CLI: a publisher key the server trusts, built .debs. */
final class Releases {
  private final ServerNode server;
  private final Path dir;
  private final Path key;

  /** Generates a publisher key under {@code dir} and makes {@code server} trust it. */
  Releases(ServerNode server, Path dir) throws IOException, InterruptedException {
    this.server = server;
    this.dir = dir;
    Path keys = dir.resolve("publisher");
    server.cli(dir, "publisher", "keygen", "--out", keys.toString()).requireSuccess("publisher keygen");
    server.cli(dir, "publisher", "trust", keys.resolve("publisher.pub").toString(), "--name", "e2e packaging")
        .requireSuccess("publisher trust");
    this.key = keys.resolve("publisher.key");
  }

  /**
   * Builds a signed release from {@code payload} (a directory, or a .deb) and publishes it.
   *
   * @param buildOptions more {@code convoy release build} options (documents, relations …)
   */
  void publish(Path payload, String name, String version, String installer, String... buildOptions)
      throws IOException, InterruptedException {
    Path file = dir.resolve(name + "-" + version + ".convoy");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("release", "build", payload.toString(),
        "--name", name, "--version", version, "--installer", installer, "--key", key.toString(),
        "--out", file.toString()));
    args.addAll(java.util.List.of(buildOptions));
    server.cli(dir, args.toArray(String[]::new)).requireSuccess("release build " + name);
    server.cli(dir, "release", "publish", file.toString()).requireSuccess("release publish " + name);
  }

  /**
   * Builds, signs and publishes the directory {@code tree} as an archive release in one command ({@code convoy
   * release publish DIR ... --key KEY}, the convenience that replaced the skeleton's unsigned publish).
   */
  void publishDirectory(Path tree, String name, String version, String... buildOptions)
      throws IOException, InterruptedException {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("release", "publish", tree.toString(),
        "--name", name, "--version", version, "--installer", "archive", "--key", key.toString()));
    args.addAll(java.util.List.of(buildOptions));
    server.cli(dir, args.toArray(String[]::new)).requireSuccess("release publish " + tree);
  }

  /** A .deb built with dpkg-deb: package {@code name} at {@code version}, installing /opt/NAME/VERSION. */
  static Path deb(Path dir, String name, String version) throws IOException, InterruptedException {
    Path tree = dir.resolve("deb-" + name + "-" + version);
    Files.createDirectories(tree.resolve("DEBIAN"));
    Files.createDirectories(tree.resolve("opt").resolve(name));
    Files.writeString(tree.resolve("DEBIAN/control"), "Package: " + name + "\nVersion: " + version
        + "\nArchitecture: all\nMaintainer: Convoy tests <tests@convoy.invalid>\nDescription: Convoy end-to-end test\n");
    Files.writeString(tree.resolve("opt").resolve(name).resolve("VERSION"), version + "\n");
    Files.setPosixFilePermissions(tree.resolve("DEBIAN"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path deb = dir.resolve(name + "_" + version + "_all.deb");
    run("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree.toString(), deb.toString());
    return deb;
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }
}
