package dev.convoy.server.inventory;

import dev.convoy.server.inventory.query.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** A deterministic, varied fleet of inventories (canonical paths as agents report them). */
final class Fleet {
  private static final List<String> PACKAGES = List.of("vim", "vim-tiny", "vim-common", "libreoffice",
      "libreoffice-core", "g++", "firefox-esr", "hello", "curl", "curl4", "curlx", "vim_x", "openssh-server",
      "python3", "zoom");
  private static final List<String> VERSIONS = List.of("7.4.7-1", "4:7.5.9-2", "7.6", "7.6.0", "4:7.6.4-1+deb12u1",
      "24.2.1", "1.0~beta", "1.0", "2:9.0.1378-2", "12.2.0");
  private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "eve");
  private static final List<String> SITES = List.of("paris", "lyon", "nantes", "lille");

  private Fleet() {}

  static String endpointId(int i) {
    return String.format("ep-%016x", 0xf1ee7000L + i);
  }

  static SortedMap<String, Object> inventory(int i, Random random) {
    SortedMap<String, Object> f = new TreeMap<>();
    String family = pick(random, List.of("debian", "debian", "debian", "rhel", "arch"));
    f.put("host.name", "pc-" + i);
    f.put("os.family", family);
    f.put("os.version", family.equals("debian") ? pick(random, List.of("11", "12")) : "9");
    f.put("os.name", family.equals("debian") ? "Debian GNU/Linux 12 (bookworm)" : "Other Linux " + family);
    f.put("os.uptime_s", (long) random.nextInt(1_000_000));
    f.put("hardware.memory_gb", pick(random, List.of(3.8, 7.6, 8.0, 15.5, 16.0, 31.2)));
    f.put("hardware.cpu.cores", (long) (1 + random.nextInt(16)));
    for (String pkg : PACKAGES) {
      if (random.nextInt(3) > 0) {
        f.put(Path.of("software", pkg, "version").toString(), pick(random, VERSIONS));
        f.put(Path.of("software", pkg, "source").toString(), pick(random, List.of("dpkg", "dpkg", "convoy")));
      }
    }
    list(f, "users.logged_in", USERS.subList(0, random.nextInt(USERS.size())));
    list(f, "network.interfaces.eth0.ipv4", List.of("10.0." + random.nextInt(4) + "." + i, "192.168.1." + i)
        .subList(0, 1 + random.nextInt(2)));
    f.put("network.interfaces.eth0.mac", String.format("3c:52:82:%02x:%02x:%02x", i % 256, i / 256, 7));
    if (random.nextBoolean()) {
      f.put("network.interfaces.wlan0.mac", String.format("a4:%02x:00:00:00:01", i % 256));
    }
    f.put(Path.of("filesystems", "/", "free_bytes").toString(), (long) random.nextInt(Integer.MAX_VALUE));
    if (random.nextBoolean()) {
      f.put(Path.of("filesystems", "/home", "free_bytes").toString(), (long) random.nextInt(Integer.MAX_VALUE) * 8);
    }
    if (random.nextInt(4) > 0) {
      f.put("facts.site", pick(random, SITES));
    }
    if (random.nextInt(3) == 0) {
      f.put("facts.kiosk", random.nextBoolean());
    }
    list(f, "facts.tags", List.of("lab", "kiosk", "finance").subList(0, random.nextInt(4)));
    if (random.nextInt(3) == 0) { // a map with both kinds of keys below it: names and quoted subscripts
      f.put("facts.disks.count", 1L);
      f.put(Path.of("facts", "disks", "/dev/sda", "size_gb").toString(), (long) random.nextInt(1000));
    }
    if (random.nextBoolean()) {
      f.put("convoy.releases.hello.version", pick(random, List.of("1.0.0", "1.1.0")));
      f.put("convoy.releases.hello.state", pick(random, List.of("installed", "installed", "failed")));
    }
    return f;
  }

  private static void list(Map<String, Object> facts, String path, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      facts.put(path + "[" + i + "]", values.get(i));
    }
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
