package dev.convoy.cli.quickstart;

import dev.convoy.cli.CliContext;
import dev.convoy.cli.campaign.CampaignCreateCommand;
import dev.convoy.cli.campaign.CampaignWatch;
import dev.convoy.cli.campaign.ReleaseRef;
import dev.convoy.cli.campaign.WatchDisplay;
import dev.convoy.cli.publisher.PublisherTrustCommand;
import dev.convoy.cli.release.BuildOptions;
import dev.convoy.cli.release.ReleasePublishCommand;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.PublisherKey;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code convoy quickstart}: the whole job on this machine, with real processes. A server on loopback, three
 * enrolled agents, a publisher key the server trusts, the example signed with it, published and deployed to them by a campaign watched live, then a summary
 * of what happened and what to try next. The processes keep running afterwards; {@code --stop} ends them.
 *
 * <p>Not thread-safe; one quick start per {@code --home} at a time.
 */
public final class Quickstart {
  /** The group the quick start's agents enroll into and its campaign targets. */
  public static final String GROUP = "quickstart";
  public static final ReleaseRef EXAMPLE = new ReleaseRef("hello-convoy", "1.0.0");
  static final int STEPS = 7;
  /** The name the server records for the quick start's publisher key. */
  public static final String PUBLISHER_NAME = "quick start publisher";

  private final CliContext context;
  private final QuickstartConfig config;
  private final ProcessLauncher launcher;
  private final Poller poller;
  private final PidFile pids;
  private final PrintWriter out;

  public Quickstart(CliContext context, QuickstartConfig config, ProcessLauncher launcher, Poller poller) {
    this.context = context;
    this.config = config;
    this.launcher = launcher;
    this.poller = poller;
    this.pids = new PidFile(config.layout().pids());
    this.out = context.out();
  }

  /** Runs every step. @return 0 if every endpoint SUCCEEDED, 1 otherwise */
  public int run() throws Exception {
    step(1, "Preparing " + config.layout().root());
    freshStart();
    step(2, "Starting the server");
    ServerInfo server = new QuickstartServer(context, config, launcher, poller, pids).start();
    QuickstartReport report = new QuickstartReport(context, config);
    report.writeEnv(server);
    step(3, "Creating an enrollment token for group " + GROUP);
    String token = context.admin().createEnrollmentToken(CreateEnrollmentTokenRequest.newBuilder()
        .setGroup(GROUP).setUses(config.agents()).setTtlSeconds(Duration.ofHours(1).toSeconds()).build()).getToken();
    step(4, "Enrolling and starting " + config.agents() + " agents");
    new QuickstartAgents(context, config, launcher, poller, pids).start(server, token);
    step(5, "Signing " + EXAMPLE + " from " + config.example() + " and publishing it");
    String keyId = trustPublisherKey();
    Release release = ReleasePublishCommand.buildAndPublish(context, withExampleDocuments(BuildOptions.of(
        EXAMPLE.name(), EXAMPLE.version(), "archive", config.layout().publisherPrivateKey().toString())),
        config.example());
    out.println("    signed release: sha256 " + release.getSha256() + ", " + release.getLength() + " bytes");
    step(6, "Deploying it to group:" + GROUP);
    Campaign campaign = startCampaign();
    CampaignWatch.Outcome outcome = watch(campaign);
    step(7, "Done");
    return report.print(outcome, server, keyId);
  }

  /**
   * The example's documents, signed into the release like any other (runbook, user documentation in French, a KB
   * article, training): {@code examples/hello-convoy/docs/1.0.0} beside the payload; none when it is absent.
   */
  private BuildOptions withExampleDocuments(BuildOptions options) {
    Path docs = config.example().getParent().resolve("docs").resolve(config.example().getFileName());
    if (!Files.isDirectory(docs)) {
      return options;
    }
    out.println("    with its documents from " + docs + ": release notes, runbook, user documentation, KB article,"
        + " training");
    return options.withDocuments(docs.resolve("release-notes.md"), docs.resolve("user-doc.md"),
        docs.resolve("runbook.md"))
        .withKbArticle("KB-HELLO-1", "The install stops with \"No space left on device\"",
            docs.resolve("kb-hello-1.md"), List.of(28), List.of("INSTALLING"))
        .withTraining("hello-convoy in five minutes", "all users", docs.resolve("training.md"));
  }

  /** Makes the quick start's publisher key and has the server trust it. @return the key id */
  private String trustPublisherKey() throws IOException {
    QuickstartLayout layout = config.layout();
    Files.createDirectories(layout.publisherDir());
    PublisherKeyPair key = PublisherKeys.generate();
    PublisherKeys.savePrivateKey(key, layout.publisherPrivateKey());
    PublisherKeys.savePublicKey(key.publicKey(), layout.publisherPublicKey());
    PublisherKey trusted = PublisherTrustCommand.trust(context, layout.publisherPublicKey(), PUBLISHER_NAME);
    out.println("    publisher key " + trusted.getKeyId() + " (trusted by the server)");
    return trusted.getKeyId();
  }

  /** Step 1: stop what a previous quick start left running, and remove its directory. */
  private void freshStart() throws IOException, InterruptedException {
    if (pids.exists()) {
      out.println("    a previous quick start is recorded: stopping it first");
      new QuickstartStopper(out, config.stopGrace()).stop(pids);
    }
    Path root = config.layout().root();
    if (Files.exists(root)) {
      deleteTree(root);
      out.println("    removed the previous " + root);
    }
    Files.createDirectories(root);
  }

  private Campaign startCampaign() {
    String title = "Quick start: " + EXAMPLE.name() + " " + EXAMPLE.version();
    // A pilot: three endpoints on one machine; a production campaign would need an Accountable's approval
    // (docs/governance.md).
    Campaign created = CampaignCreateCommand.create(context, EXAMPLE,
        Targets.newBuilder().addGroups(GROUP).build(), title, true);
    Campaign started = context.admin().startCampaign(
        StartCampaignRequest.newBuilder().setCampaignId(created.getCampaignId()).build());
    out.println("    campaign " + started.getCampaignId() + " \"" + title + "\" is " + started.getState()
        + " (a pilot: no approval needed; production campaigns need their Accountable's approval)");
    return started;
  }

  private CampaignWatch.Outcome watch(Campaign campaign) {
    // In place, not a cleared screen: the steps printed so far stay visible above the campaign.
    WatchDisplay display = context.environment().terminal()
        ? new WatchDisplay.InPlace(out)
        : new WatchDisplay.Lines(out);
    return new CampaignWatch(context.admin(), display)
        .watch(campaign.getCampaignId(), Optional.of(config.campaignTimeout()));
  }

  private void step(int n, String text) {
    out.println("[" + n + "/" + STEPS + "] " + text);
    out.flush();
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
