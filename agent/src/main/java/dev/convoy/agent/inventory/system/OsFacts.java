package dev.convoy.agent.inventory.system;

import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactSink;
import dev.convoy.agent.inventory.FactSource;
import java.util.Locale;
import java.util.function.Supplier;
import oshi.software.os.OperatingSystem;

/**
 * {@code host.name} and {@code os.*}: identification from os-release (family, id, name, version), the build (the
 * kernel release on Linux) and boot time from OSHI, architecture, time zone and locale.
 *
 * <p>Holds no state of its own; called by one thread at a time (the collector's).
 */
public final class OsFacts implements FactSource {
  private static final FactPath OS = FactPath.of("os");

  private final OperatingSystem os;
  private final Supplier<OsRelease> release;
  private final Supplier<String> hostname;
  private final SystemTimeZone timeZone;
  private final SystemLocale locale;

  /**
   * @param release read at each collection ({@link OsRelease#system()}), since an upgrade changes it
   * @param hostname the host name, e.g. {@code Hostnames::local}
   */
  public OsFacts(OperatingSystem os, Supplier<OsRelease> release, Supplier<String> hostname, SystemTimeZone timeZone,
      SystemLocale locale) {
    this.os = os;
    this.release = release;
    this.hostname = hostname;
    this.timeZone = timeZone;
    this.locale = locale;
  }

  @Override
  public String name() {
    return "os";
  }

  @Override
  public void collect(FactSink sink) {
    OsRelease id = release.get();
    sink.text(FactPath.of("host", "name"), hostname.get());
    sink.text(OS.key("family"), id.family());
    sink.text(OS.key("id"), id.id());
    sink.text(OS.key("name"), id.prettyName());
    id.versionId().ifPresent(version -> sink.text(OS.key("version"), version));
    sink.text(OS.key("build"), os.getVersionInfo().getBuildNumber());
    sink.text(OS.key("arch"), architecture(id, System.getProperty("os.arch")));
    sink.text(OS.key("timezone"), timeZone.id());
    sink.text(OS.key("locale"), locale.tag());
    long boot = os.getSystemBootTime();
    if (boot > 0) {
      sink.integer(OS.key("boot_time"), boot);
    }
    sink.integer(OS.key("uptime_s"), os.getSystemUptime());
  }

  /**
   * The architecture as the OS's package system names it: Debian and its derivatives say {@code amd64},
   * {@code arm64}, {@code i386}, {@code armhf}, {@code ppc64el}; the others use the kernel's names
   * ({@code x86_64}, {@code aarch64}, {@code i686} ...). {@code jvmArch} is the JVM's {@code os.arch}.
   */
  static String architecture(OsRelease id, String jvmArch) {
    boolean debian = id.family().equals("debian") || id.id().equals("debian");
    String arch = jvmArch.toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> debian ? "amd64" : "x86_64";
      case "aarch64", "arm64" -> debian ? "arm64" : "aarch64";
      case "x86", "i386", "i486", "i586", "i686" -> debian ? "i386" : "i686";
      case "arm" -> debian ? "armhf" : "armv7l";
      case "ppc64le" -> debian ? "ppc64el" : "ppc64le";
      default -> arch;
    };
  }
}
