package dev.convoy.agent;

import dev.convoy.agent.config.AgentConfig;
import dev.convoy.agent.config.DataDir;
import dev.convoy.transport.Identity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convoy-agent run}: the daemon, until the process is told to stop (SIGTERM / SIGINT). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the agent: keeps a session with the server, downloads, installs and reports deployments.")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "the enrolled data directory")
  private Path data;

  // Hidden: end-to-end tests slow a download down enough to kill the agent in the middle of it.
  @Option(names = "--download-rate-limit", hidden = true, paramLabel = "BYTES_PER_SECOND",
      converter = Converters.RateConverter.class)
  private Long downloadRateLimit;

  @Override
  public Integer call() throws InterruptedException {
    DataDir dir = new DataDir(data);
    AgentConfig config = AgentConfig.load(dir);
    if (downloadRateLimit != null) {
      config = config.withDownloadRateLimit(downloadRateLimit);
    }
    Identity identity = dev.convoy.agent.config.IdentityFile.load(dir.identity());
    CountDownLatch stopped = new CountDownLatch(1);
    Agent agent = Agent.start(config, identity, Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.close();
      stopped.countDown();
    }, "convoy-shutdown"));
    stopped.await();
    return 0;
  }
}
