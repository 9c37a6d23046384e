package dev.convoy.agent.testing;

import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.deployment.CampaignPorts;
import dev.convoy.agent.deployment.DeploymentJournal;
import dev.convoy.agent.deployment.InstallStep;
import dev.convoy.agent.deployment.Reconciler;
import dev.convoy.agent.deployment.ReportOutbox;
import dev.convoy.agent.deployment.SiteParameters;
import dev.convoy.agent.download.ChunkedDownloader;
import dev.convoy.agent.download.RateLimiter;
import dev.convoy.agent.grpc.GrpcServerApi;
import dev.convoy.agent.retry.Backoff;
import dev.convoy.agent.retry.Sleeper;
import dev.convoy.installers.Installer;
import dev.convoy.installers.Installers;
import dev.convoy.installers.Lifecycle;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The deployment side of an agent over a data directory, wired like {@code Agent} but with the test lifecycle
 * driver, a fake installer and no waiting on report retries. {@link #restart()} builds a fresh one over the same
 * directory, as a new agent process would.
 */
public final class AgentHarness implements AutoCloseable {
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

  public final DataDir dir;
  public final FakeInstaller installer;
  private final ManagedChannel channel;
  private final Duration retryBackoff;
  private final Function<DataDir, InstallStep> installSteps;
  public DeploymentJournal journal;
  public ReportOutbox outbox;
  public Reconciler reconciler;
  public ChunkedDownloader downloader;
  /** How often the reconciler said the installed packages changed. */
  public final AtomicInteger installedChanges = new AtomicInteger();
  /** The deployments whose notice was shown. */
  public final java.util.List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** This endpoint's own inventory facts, as the reconciler reads them (empty: none known). */
  public final java.util.Map<String, String> hostFacts = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param retryBackoff the reconciler's retry ceiling after a pass cut short (long to keep it paused)
   */
  public AgentHarness(Path root, ManagedChannel channel, FakeInstaller installer, Duration retryBackoff) {
    this(root, channel, installer, retryBackoff, dir -> new InstallStep(fakeLookup(installer), TestLifecycle::install,
        TestLifecycle::uninstall, dir.managed()));
  }

  private AgentHarness(Path root, ManagedChannel channel, FakeInstaller installer, Duration retryBackoff,
      Function<DataDir, InstallStep> installSteps) {
    this.dir = new DataDir(root);
    this.channel = channel;
    this.installer = installer;
    this.retryBackoff = retryBackoff;
    this.installSteps = installSteps;
    build();
  }

  /** An agent with the installers module's real backends and lifecycle, and these site parameters. */
  public static AgentHarness withRealInstallers(Path root, ManagedChannel channel, SiteParameters site) {
    return new AgentHarness(root, channel, null, Duration.ofMillis(5), dir -> new InstallStep(Installers::forType,
        Lifecycle::install, Lifecycle::uninstall, dir.managed(), site));
  }

  private static Function<String, Installer> fakeLookup(FakeInstaller installer) {
    return type -> {
      if (type.equals(FakeInstaller.TYPE)) {
        return installer;
      }
      throw new IllegalArgumentException("installer type: '" + type + "' (expected one of: fake)");
    };
  }

  private void build() {
    GrpcServerApi api = new GrpcServerApi(channel, "ep-test", Duration.ofSeconds(5));
    journal = new DeploymentJournal(dir.journal());
    Sleeper noWait = duration -> { };
    outbox = new ReportOutbox(api, journal, () -> new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), new Random(1)), noWait);
    downloader = new ChunkedDownloader(dir.downloads(), api, RateLimiter.unlimited());
    InstallStep installStep = installSteps.apply(dir);
    reconciler = new Reconciler(journal, outbox, downloader, installStep, dir::work,
        new Backoff(retryBackoff, retryBackoff, new Random(1)), CLOCK, action -> installedChanges.incrementAndGet(),
        new CampaignPorts(api, (spec, at) -> notices.add(spec.deploymentId()), (task, delay) -> () -> { }, null,
            Duration.ofSeconds(10), paths -> {
              java.util.Map<String, String> found = new java.util.TreeMap<>(hostFacts);
              found.keySet().retainAll(paths);
              return found;
            }));
    outbox.start();
  }

  /** Stops this "process" and starts a new one over the same data directory. */
  public AgentHarness restart() {
    close();
    build();
    return this;
  }

  @Override
  public void close() {
    reconciler.close();
    outbox.close();
  }
}
