package dev.convoy.agent.inventory.system;

import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactSink;
import dev.convoy.agent.inventory.FactSource;
import java.util.Locale;
import java.util.Set;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * {@code filesystems["<mount>"].total_bytes / free_bytes / type}: local file systems (OSHI's local stores, which
 * leave out network and pseudo file systems), without volatile or read-only image mounts (tmpfs, squashfs of
 * snaps, overlay layers of containers) that say nothing about the machine's disks and would churn. Free bytes are
 * what an unprivileged user can still write ({@code df}'s "Avail").
 *
 * <p>Holds no state of its own; called by one thread at a time (the collector's).
 */
public final class FileSystemFacts implements FactSource {
  private static final Set<String> SKIPPED_TYPES = Set.of("tmpfs", "devtmpfs", "ramfs", "squashfs", "overlay",
      "nsfs", "efivarfs");

  private final FileSystem fileSystem;

  public FileSystemFacts(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  @Override
  public String name() {
    return "filesystems";
  }

  @Override
  public void collect(FactSink sink) {
    for (OSFileStore store : fileSystem.getFileStores(true)) {
      String type = store.getType() == null ? "" : store.getType().strip();
      if (store.getTotalSpace() <= 0 || store.getMount() == null || store.getMount().isBlank()
          || SKIPPED_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
        continue;
      }
      FactPath path = FactPath.of("filesystems").key(store.getMount());
      sink.integer(path.key("total_bytes"), store.getTotalSpace());
      sink.integer(path.key("free_bytes"), store.getUsableSpace());
      sink.text(path.key("type"), type);
    }
  }
}
