package dev.convoy.bench;

import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A realistic workstation inventory, deterministic per endpoint number: OS and hardware facts, a site fact, and about
 * 250 installed packages (three facts each), LibreOffice on most machines at one of three versions.
 */
public final class SimulatedInventory {
  public static final int PACKAGES = 250;
  private static final String[][] OSES = {
      {"debian", "debian", "12", "Debian GNU/Linux 12 (bookworm)"},
      {"debian", "debian", "11", "Debian GNU/Linux 11 (bullseye)"},
      {"debian", "ubuntu", "22.04", "Ubuntu 22.04.4 LTS"},
      {"rhel", "rocky", "9.4", "Rocky Linux 9.4 (Blue Onyx)"}};
  private static final double[] MEMORY_GB = {4, 7.6, 8, 15.5, 16, 31.2, 32};
  private static final String[] LIBREOFFICE = {"4:7.4.7-1+deb12u4", "7.5.9.2", "7.6.4.1"};

  private SimulatedInventory() {}

  public static String endpointId(int n) {
    return String.format("ep-%016x", 0x5eed_0000_0000L + n);
  }

  public static SortedMap<String, Object> of(int n) {
    Random random = new Random(n);
    SortedMap<String, Object> facts = new TreeMap<>();
    String[] os = OSES[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3)];
    facts.put("agent.version", "0.1.0");
    facts.put("agent.health", "ok");
    facts.put("host.name", String.format("ws-%05d", n));
    facts.put("os.family", os[0]);
    facts.put("os.id", os[1]);
    facts.put("os.version", os[2]);
    facts.put("os.name", os[3]);
    facts.put("os.arch", "amd64");
    facts.put("os.timezone", random.nextBoolean() ? "Europe/Paris" : "Europe/Berlin");
    facts.put("os.locale", "fr-FR");
    double memory = MEMORY_GB[random.nextInt(MEMORY_GB.length)];
    facts.put("hardware.memory_gb", memory);
    facts.put("hardware.memory_bytes", (long) (memory * (1L << 30)));
    int threads = 2 << random.nextInt(4);
    facts.put("hardware.cpu.threads", (long) threads);
    facts.put("hardware.cpu.cores", (long) Math.max(1, threads / 2));
    facts.put("hardware.cpu.model", "Intel(R) Core(TM) i5-" + (8000 + random.nextInt(6) * 100) + "U");
    facts.put("hardware.disks.nvme0n1.size_bytes", 256L << 30 << random.nextInt(3));
    facts.put("filesystems[\"/\"].total_bytes", 240L << 30);
    facts.put("filesystems[\"/\"].free_bytes", (long) random.nextInt(200) << 30);
    facts.put("network.interfaces.eth0.mac", String.format("02:00:%02x:%02x:%02x:%02x", n >> 24 & 0xff,
        n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff));
    facts.put("network.interfaces.eth0.ipv4[0]", String.format("10.%d.%d.%d", n >> 16 & 0xff, n >> 8 & 0xff,
        n & 0xff));
    facts.put("users.logged_in[0]", String.format("user%05d", n));
    facts.put("facts.site", "site-" + (n % 20));
    for (int p = 0; p < PACKAGES; p++) {
      software(facts, String.format("pkg-%03d", p), "1." + (p % 7) + "." + random.nextInt(3) + "-1");
    }
    if (random.nextInt(10) < 8) {
      software(facts, "libreoffice", LIBREOFFICE[random.nextInt(LIBREOFFICE.length)]);
    }
    return facts;
  }

  private static void software(SortedMap<String, Object> facts, String name, String version) {
    facts.put("software." + name + ".version", version);
    facts.put("software." + name + ".upstream_version", version.replaceAll("^[0-9]+:", "").replaceAll("-[^-]*$", ""));
    facts.put("software." + name + ".source", "dpkg");
  }
}
