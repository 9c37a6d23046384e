package dev.convoy.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.deployment.DeploymentJournal;
import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.documents.DocsLocalCommand;
import dev.convoy.agent.documents.UserDocuments;
import dev.convoy.agent.documents.WorkstationReleases;
import dev.convoy.agent.grpc.GrpcKnowledgeApi;
import dev.convoy.agent.local.LocalRequestHandler;
import dev.convoy.agent.local.LocalSocketServer;
import dev.convoy.agent.retry.Backoff;
import dev.convoy.agent.testing.DocumentedReleases;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.SignedReleases;
import dev.convoy.agent.testing.TestKnowledgeService;
import dev.convoy.agent.training.TrainingJournal;
import dev.convoy.agent.training.TrainingLocalCommand;
import dev.convoy.agent.training.TrainingReporter;
import dev.convoy.agent.training.WorkstationTraining;
import dev.convoy.release.BuiltRelease;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code convoy-agent docs|training} through the real local socket to the daemon's commands. */
class DocsTrainingCommandsTest {
  private static final PublisherKeyPair KEY = PublisherKeys.generate();

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir Path root;
  private final TestKnowledgeService server = new TestKnowledgeService();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private LocalSocketServer socket;
  private TrainingReporter reporter;

  @BeforeEach
  void setUp() {
    DataDir dir = new DataDir(root);
    DeploymentJournal journal = new DeploymentJournal(dir.journal());
    BuiltRelease office = DocumentedReleases.build(root.resolve("releases"), "office", "7.6.4", KEY);
    server.serve("office", "7.6.4", SignedReleases.bytes(office));
    DocumentedReleases.journal(journal, "d-1", office, KEY, KEY, DeploymentState.SUCCEEDED);
    GrpcKnowledgeApi api = new GrpcKnowledgeApi(server.start(grpc), "ep-1", Duration.ofSeconds(10));
    WorkstationReleases releases = new WorkstationReleases(journal);
    UserDocuments docs = new UserDocuments(releases, api, sha -> null);
    TrainingJournal trainingJournal = new TrainingJournal(root.resolve("training.json"));
    reporter = new TrainingReporter(trainingJournal, api, new Backoff(Duration.ofMillis(5), Duration.ofMillis(20),
        new Random(1)));
    socket = LocalSocketServer.start(dir.socket(), new LocalRequestHandler(null, null)
        .register("docs", new DocsLocalCommand(docs))
        .register("training", new TrainingLocalCommand(new WorkstationTraining(releases, docs, trainingJournal,
            reporter, api, Clock.systemUTC()))));
  }

  @AfterEach
  void tearDown() {
    socket.close();
    reporter.close();
  }

  private int run(String... args) {
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--data";
    full[args.length + 1] = root.toString();
    return AgentMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), full);
  }

  @Test
  void docs_installedPackage_printsTheUserGuideAsWritten() {
    assertThat(run("docs", "office")).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo(DocumentedReleases.USER_DOC);
  }

  @Test
  void docs_otherDocument_printsIt() {
    assertThat(run("docs", "office", "--show", "KB-1")).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("Free some disk space.\n");
  }

  @Test
  void docs_unknownPackage_errorNamingWhatIsHere() {
    assertThat(run("docs", "excel")).isEqualTo(AgentMain.RUNTIME_ERROR);
    assertThat(err.toString()).isEqualTo("error: no release excel is installed or offered on this computer"
        + " (expected one of: [office@7.6.4])\n");
  }

  @Test
  void training_listThenDone_marksItDoneAndReportsIt() {
    assertThat(run("training")).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("""
        [ ]    What is new in 7.6.4  (office@7.6.4, for all users)
               https://learn.example.com/office
        """);

    assertThat(run("training", "done", "office")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("recorded: 'What is new in 7.6.4' (office@7.6.4) for ")
        .contains("; reported to the server");
    out.getBuffer().setLength(0);
    assertThat(run("training")).isZero();
    assertThat(out.toString()).startsWith("[done] What is new in 7.6.4");
    assertThat(server.recorded).hasSize(1);
  }

  @Test
  void training_malformedArguments_usageError() {
    assertThat(run("training", "finished", "office")).isEqualTo(AgentMain.USAGE_ERROR);
    assertThat(err.toString()).contains("expected: 'training' or 'training done ITEM'");
  }
}
