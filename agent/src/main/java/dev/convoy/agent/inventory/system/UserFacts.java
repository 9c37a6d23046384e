package dev.convoy.agent.inventory.system;

import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactSink;
import dev.convoy.agent.inventory.FactSource;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import oshi.software.os.OSSession;
import oshi.software.os.OperatingSystem;

/**
 * {@code users.logged_in[i]}: the names of logged-in users (OSHI's sessions), unique and sorted. Holds no state of
 * its own; called by one thread at a time (the collector's).
 */
public final class UserFacts implements FactSource {
  private final OperatingSystem os;

  public UserFacts(OperatingSystem os) {
    this.os = os;
  }

  @Override
  public String name() {
    return "users";
  }

  @Override
  public void collect(FactSink sink) {
    TreeSet<String> names = new TreeSet<>();
    os.getSessions().stream().map(OSSession::getUserName).filter(Objects::nonNull).map(String::strip)
        .filter(name -> !name.isEmpty()).forEach(names::add);
    sink.textList(FactPath.of("users", "logged_in"), List.copyOf(names));
  }
}
