package dev.convoy.e2e;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.ListTechnicianJobsResponse;
import dev.convoy.protocol.v1.TechnicianJob;
import dev.convoy.transport.Channels;
import dev.convoy.transport.Identity;
import dev.convoy.transport.ServerAddress;
import dev.convoy.transport.TlsContexts;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real convoy-server process with its own data directory, and an admin gRPC client for assertions. */
final class ServerNode implements AutoCloseable {
  private static final Pattern FINGERPRINT = Pattern.compile("CA fingerprint: (SHA256:[0-9a-f]{64})");

  private final Distribution dist;
  private final Path data;
  private String caFingerprint;
  private Launched process;
  private int runs;
  private int port;
  private ManagedChannel channel;

  ServerNode(Distribution dist, Path data) {
    this.dist = dist;
    this.data = data;
  }

  ServerNode init() throws IOException, InterruptedException {
    Files.createDirectories(data.getParent());
    String out = dist.run(data.getParent(), Duration.ofSeconds(60), "convoy-server", "init", "--data",
        data.toString(), "--listen", "127.0.0.1:0").requireSuccess("convoy-server init").output();
    Matcher m = FINGERPRINT.matcher(out);
    if (!m.find()) {
      throw new AssertionError("convoy-server init printed no CA fingerprint:\n" + out);
    }
    caFingerprint = m.group(1);
    return this;
  }

  /**
   * Starts `convoy-server run` and waits until it answers an admin call. The first run takes a free port; a restart
   * listens on the same one, as a real server does, so that its agents reconnect.
   */
  ServerNode start() throws IOException {
    String listen = port == 0 ? null : "127.0.0.1:" + port;
    Files.deleteIfExists(data.resolve("server.port"));
    runs++;
    process = listen == null
        ? dist.start(data.getParent(), data.resolve("server-run" + runs + ".log"), "convoy-server", "run",
            "--data", data.toString())
        : dist.start(data.getParent(), data.resolve("server-run" + runs + ".log"), "convoy-server", "run",
            "--data", data.toString(), "--listen", listen);
    Await.until(Duration.ofSeconds(60), () -> Files.exists(data.resolve("server.port")) || !process.isAlive(),
        () -> "server.port written; log:\n" + process.log());
    if (!process.isAlive()) {
      throw new AssertionError("convoy-server exited at start:\n" + process.log());
    }
    closeChannel();
    Await.until(Duration.ofSeconds(30), this::answers, () -> "server answers WhoAmI; log:\n" + process.log());
    port = Integer.parseInt(address().substring(address().lastIndexOf(':') + 1));
    return this;
  }

  private boolean answers() {
    try {
      admin().whoAmI(dev.convoy.protocol.v1.WhoAmIRequest.getDefaultInstance());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  String address() {
    try {
      return "127.0.0.1:" + Files.readString(data.resolve("server.port")).trim();
    } catch (IOException e) {
      throw new AssertionError("server.port unreadable", e);
    }
  }

  String caFingerprint() {
    return caFingerprint;
  }

  Path adminIdentity() {
    return data.resolve("admin.pem");
  }

  Path data() {
    return data;
  }

  Launched process() {
    return process;
  }

  /** A blocking admin stub with a 30 s deadline per call. */
  AdminServiceGrpc.AdminServiceBlockingStub admin() {
    if (channel == null) {
      channel = Channels.open(ServerAddress.parse(address()), TlsContexts.client(Identity.load(adminIdentity())));
    }
    return AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** The CLI as the admin of this server. */
  Distribution.Result cli(Path workDir, String... args) throws IOException, InterruptedException {
    return cliAs(adminIdentity(), workDir, args);
  }

  /** The CLI as the person whose identity file is {@code identity}. */
  Distribution.Result cliAs(Path identity, Path workDir, String... args) throws IOException, InterruptedException {
    String[] full = new String[args.length + 4];
    full[0] = "--server";
    full[1] = address();
    full[2] = "--identity";
    full[3] = identity.toString();
    System.arraycopy(args, 0, full, 4, args.length);
    return dist.run(workDir, Duration.ofSeconds(120), "convoy", full);
  }

  /** A one-group enrollment token, made with {@code convoy token create}. */
  String enrollmentToken(Path workDir, String group) throws IOException, InterruptedException {
    return Json.parse(cli(workDir, "token", "create", "--group", group, "--output", "json").requireSuccess("token")
        .stdout(), CreateEnrollmentTokenResponse.getDefaultInstance()).getToken();
  }

  /** Creates a campaign with {@code convoy campaign create ARGS --output json} and starts it. */
  Campaign startCampaign(Path workDir, String... createArgs) throws IOException, InterruptedException {
    String[] args = new String[createArgs.length + 4];
    args[0] = "campaign";
    args[1] = "create";
    System.arraycopy(createArgs, 0, args, 2, createArgs.length);
    args[args.length - 2] = "--output";
    args[args.length - 1] = "json";
    Campaign campaign = Json.parse(cli(workDir, args).requireSuccess("campaign create").stdout(),
        Campaign.getDefaultInstance());
    cli(workDir, "campaign", "start", campaign.getCampaignId()).requireSuccess("campaign start");
    return campaign;
  }

  /** The campaign's status, read over the admin API. */
  CampaignStatus status(Campaign campaign) {
    return admin().getCampaignStatus(GetCampaignStatusRequest.newBuilder().setCampaignId(campaign.getCampaignId())
        .build());
  }

  /** {@code convoy tech queue} as the technician whose identity file is {@code technician}. */
  ListTechnicianJobsResponse techQueue(Path technician, Path workDir) {
    try {
      return Json.parse(cliAs(technician, workDir, "tech", "queue", "--output", "json").requireSuccess("tech queue")
          .stdout(), ListTechnicianJobsResponse.getDefaultInstance());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code convoy tech show JOB} as the technician whose identity file is {@code technician}. */
  TechnicianJob techJob(Path technician, Path workDir, String job) {
    try {
      return Json.parse(cliAs(technician, workDir, "tech", "show", job, "--output", "json")
          .requireSuccess("tech show").stdout(), TechnicianJob.getDefaultInstance());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * SIGKILL to the server's JVM (the launch script execs java, so its PID is the JVM's): no shutdown hook runs, no
   * RocksDB close, no goodbye to the agents, as in a power cut. {@link #start()} afterwards restarts it on the same
   * data directory and port.
   *
   * @throws AssertionError if the process is still alive afterwards
   */
  void kill9() throws InterruptedException {
    closeChannel();
    process.kill9();
    if (process.isAlive()) {
      throw new AssertionError("convoy-server " + process + " survived SIGKILL");
    }
  }

  /** How many times the server was started. */
  int runs() {
    return runs;
  }

  int stop() throws InterruptedException {
    closeChannel();
    return process.stop(Duration.ofSeconds(30));
  }

  private void closeChannel() {
    if (channel != null) {
      channel.shutdownNow();
      channel = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    closeChannel();
    if (process != null) {
      process.close();
    }
  }
}
