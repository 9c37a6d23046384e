package dev.convoy.installers.archive;

import dev.convoy.installers.InstallContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where one package lives under the managed root, and the atomic moves between its states:
 * <pre>
 *   managedRoot/&lt;package&gt;/current -&gt; versions/&lt;version&gt;   (relative symlink, switched by rename)
 *   managedRoot/&lt;package&gt;/versions/&lt;version&gt;/...       (extracted files + .convoy-files manifest)
 *   managedRoot/&lt;package&gt;/.previous                      (pending install marker, until commit)
 *   managedRoot/&lt;package&gt;/.staging-&lt;version&gt;-&lt;random&gt;   (extraction in progress; same file system)
 *   managedRoot/&lt;package&gt;/.trash-&lt;random&gt;               (a directory on its way out)
 * </pre>
 * Thread-safe for different packages; one package must be worked on by one caller at a time.
 */
final class PackageLayout {
  static final String STAGING_PREFIX = ".staging-";
  static final String TRASH_PREFIX = ".trash-";
  static final String LINK_PREFIX = ".current-";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+-]{1,128}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;

  PackageLayout(InstallContext context) {
    this.dir = context.managedRoot().resolve(context.packageName());
  }

  Path dir() {
    return dir;
  }

  Path current() {
    return dir.resolve("current");
  }

  Path versions() {
    return dir.resolve("versions");
  }

  Path version(String version) {
    return versions().resolve(version);
  }

  Path pendingMarker() {
    return dir.resolve(".previous");
  }

  Path newStaging(String version) {
    return dir.resolve(STAGING_PREFIX + version + "-" + randomSuffix());
  }

  boolean hasVersion(String version) {
    return Files.isDirectory(version(version), LinkOption.NOFOLLOW_LINKS);
  }

  Optional<PendingInstall> pending() throws IOException {
    return PendingInstall.read(pendingMarker());
  }

  /**
   * The version {@code current} points at, or empty when there is no {@code current}.
   *
   * @throws IOException when {@code current} is not a symlink to {@code versions/<version>}
   */
  Optional<String> currentVersion() throws IOException {
    Path current = current();
    if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (!Files.isSymbolicLink(current)) {
      throw new IOException(current + ": not a symlink (expected: a symlink to versions/<version>)");
    }
    Path target = Files.readSymbolicLink(current);
    if (target.isAbsolute() || target.getNameCount() != 2 || !target.getName(0).toString().equals("versions")
        || !SAFE.matcher(target.getName(1).toString()).matches()) {
      throw new IOException(current + " -> " + target + " (expected: versions/<version>)");
    }
    return Optional.of(target.getName(1).toString());
  }

  /** Points {@code current} at the version atomically: a reader sees the old or the new target, never none. */
  void pointCurrentAt(String version) throws IOException {
    Path temp = dir.resolve(LINK_PREFIX + randomSuffix());
    Files.createSymbolicLink(temp, dir.getFileSystem().getPath("versions", version));
    try {
      Files.move(temp, current(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    FileTrees.fsyncDirectory(dir);
  }

  void removeCurrent() throws IOException {
    Files.deleteIfExists(current());
    FileTrees.fsyncDirectory(dir);
  }

  /**
   * Removes a directory of this package: first renamed aside in one step (so it is never seen half-deleted under
   * its own name), then deleted. A crash in between leaves a {@code .trash-} directory for cleanup.
   */
  void discard(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path trash = dir.resolve(TRASH_PREFIX + randomSuffix());
    Files.move(path, trash, StandardCopyOption.ATOMIC_MOVE);
    FileTrees.fsyncDirectory(path.getParent());
    FileTrees.deleteRecursively(trash);
  }

  /**
   * Undoes an uncommitted switch: {@code current} back to the previous version (or removed when there was none),
   * then the marker and the failed version away. Each part can be repeated after a crash.
   *
   * @return what was done, for people
   * @throws IOException when the previous version's directory is gone, or the file system fails
   */
  String rollBack(PendingInstall pending) throws IOException {
    Optional<String> previous = pending.previousVersion();
    if (previous.isPresent() && !hasVersion(previous.get())) {
      throw new IOException("previous version directory versions/" + previous.get() + " is gone");
    }
    if (previous.isPresent()) {
      pointCurrentAt(previous.get());
    } else {
      removeCurrent();
    }
    Files.delete(pendingMarker());
    FileTrees.fsyncDirectory(dir());
    if (!previous.filter(pending.target()::equals).isPresent()) {
      discard(version(pending.target()));
    }
    return previous.map(p -> "current -> versions/" + p + " again").orElse("current removed (no previous version)")
        + "; removed versions/" + pending.target();
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
