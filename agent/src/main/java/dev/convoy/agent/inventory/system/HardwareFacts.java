package dev.convoy.agent.inventory.system;

import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactSink;
import dev.convoy.agent.inventory.FactSource;
import dev.convoy.agent.inventory.FactValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import oshi.hardware.CentralProcessor;
import oshi.hardware.ComputerSystem;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * {@code hardware.*}: the computer system (vendor, model, serial, when the firmware tells), the processor, total
 * memory ({@code MemTotal}) and physical disks, all from OSHI.
 *
 * <p>Holds no state of its own; called by one thread at a time (the collector's).
 */
public final class HardwareFacts implements FactSource {
  private static final FactPath HARDWARE = FactPath.of("hardware");
  /** What firmware writes when it knows nothing. */
  private static final Set<String> PLACEHOLDERS = Set.of("unknown", "none", "n/a", "default string",
      "to be filled by o.e.m.", "system serial number", "not specified", "0");
  /** Block devices that are not disks: loop devices, RAM disks, compressed swap in RAM. */
  private static final String[] NOT_DISKS = {"loop", "ram", "zram"};

  private final HardwareAbstractionLayer hardware;

  public HardwareFacts(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public String name() {
    return "hardware";
  }

  @Override
  public void collect(FactSink sink) {
    ComputerSystem system = hardware.getComputerSystem();
    sink.text(HARDWARE.key("vendor"), known(system.getManufacturer()));
    sink.text(HARDWARE.key("model"), known(system.getModel()));
    sink.text(HARDWARE.key("serial"), known(system.getSerialNumber()));
    CentralProcessor cpu = hardware.getProcessor();
    FactPath cpuPath = HARDWARE.key("cpu");
    sink.text(cpuPath.key("model"), known(cpu.getProcessorIdentifier().getName()));
    sink.integer(cpuPath.key("cores"), cpu.getPhysicalProcessorCount());
    sink.integer(cpuPath.key("threads"), cpu.getLogicalProcessorCount());
    long memory = hardware.getMemory().getTotal();
    sink.integer(HARDWARE.key("memory_bytes"), memory);
    sink.put(HARDWARE.key("memory_gb"), FactValue.real(gibibytes(memory)));
    for (HWDiskStore disk : hardware.getDiskStores()) {
      disk(sink, disk);
    }
  }

  private static void disk(FactSink sink, HWDiskStore disk) {
    String name = disk.getName().startsWith("/dev/") ? disk.getName().substring(5) : disk.getName();
    for (String prefix : NOT_DISKS) {
      if (name.startsWith(prefix)) {
        return;
      }
    }
    if (disk.getSize() <= 0) {
      return; // an empty card reader or a detached device
    }
    FactPath path = HARDWARE.key("disks").key(name);
    sink.integer(path.key("size_bytes"), disk.getSize());
    sink.text(path.key("model"), known(disk.getModel()));
  }

  /** {@code bytes / 2^30}, rounded half up to one decimal. */
  static double gibibytes(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << 30), 1, RoundingMode.HALF_UP).doubleValue();
  }

  /** {@code value} stripped, or null when it is a firmware placeholder. */
  static String known(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return PLACEHOLDERS.contains(stripped.toLowerCase(Locale.ROOT)) ? null : stripped;
  }
}
