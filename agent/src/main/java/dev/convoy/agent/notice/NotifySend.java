package dev.convoy.agent.notice;

import dev.convoy.agent.process.Command;
import dev.convoy.agent.process.CommandResult;
import dev.convoy.agent.process.CommandRunner;
import dev.convoy.agent.process.Executables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link DesktopNotifier} with {@code notify-send} (libnotify), run without a shell, with the session bus address
 * of the agent's environment. Thread-safe.
 */
public final class NotifySend implements DesktopNotifier {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final CommandRunner runner;
  private final Executables executables;
  private final String busAddress;

  /** @param busAddress the value of {@code DBUS_SESSION_BUS_ADDRESS} */
  public NotifySend(CommandRunner runner, Executables executables, String busAddress) {
    this.runner = runner;
    this.executables = executables;
    this.busAddress = busAddress;
  }

  @Override
  public void notify(String title, String message) {
    Map<String, String> environment = new HashMap<>(Command.CLEAN_ENVIRONMENT);
    environment.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
    Path executable = executables.find("notify-send")
        .orElseThrow(() -> new IllegalStateException("notify-send: not installed (package libnotify-bin)"));
    Command command = new Command(List.of(executable.toString(), "--app-name=Convoy", "--", title, message),
        environment, Path.of("/"), TIMEOUT, 16 * 1024);
    CommandResult result = runner.run(command);
    if (!result.succeeded()) {
      throw new IllegalStateException(result.failure(command));
    }
  }
}
