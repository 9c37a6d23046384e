package dev.convoy.agent.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.convoy.agent.deployment.DeploymentJournal;
import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.documents.DocumentException;
import dev.convoy.agent.documents.UserDocuments;
import dev.convoy.agent.documents.WorkstationReleases;
import dev.convoy.agent.grpc.GrpcKnowledgeApi;
import dev.convoy.agent.local.LocalRequestHandler;
import dev.convoy.agent.retry.Backoff;
import dev.convoy.agent.testing.DocumentedReleases;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.SignedReleases;
import dev.convoy.agent.testing.TestKnowledgeService;
import dev.convoy.release.BuiltRelease;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code convoy-agent training [done ITEM]}: items from verified manifests, journaled attestations, reporting. */
class WorkstationTrainingTest {
  private static final PublisherKeyPair KEY = PublisherKeys.generate();

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir Path dir;
  private final TestKnowledgeService server = new TestKnowledgeService();
  private final Clock clock = Clock.fixed(DocumentedReleases.T0.plusSeconds(3600), ZoneOffset.UTC);
  private DeploymentJournal journal;
  private GrpcKnowledgeApi api;
  private TrainingReporter reporter;

  @BeforeEach
  void setUp() {
    journal = new DeploymentJournal(dir.resolve("journal"));
    api = new GrpcKnowledgeApi(server.start(grpc), "ep-1", Duration.ofSeconds(10));
    BuiltRelease office = DocumentedReleases.build(dir.resolve("releases"), "office", "7.6.4", KEY);
    BuiltRelease calc = DocumentedReleases.build(dir.resolve("releases"), "calc", "1.0.0", KEY);
    server.serve("office", "7.6.4", SignedReleases.bytes(office));
    server.serve("calc", "1.0.0", SignedReleases.bytes(calc));
    DocumentedReleases.journal(journal, "d-1", office, KEY, KEY, DeploymentState.SUCCEEDED);
    DocumentedReleases.journal(journal, "d-2", calc, KEY, KEY, DeploymentState.NOTIFIED);
  }

  @AfterEach
  void tearDown() {
    if (reporter != null) {
      reporter.close();
    }
  }

  private WorkstationTraining training(TrainingJournal trainingJournal) {
    reporter = new TrainingReporter(trainingJournal, api, new Backoff(Duration.ofMillis(5), Duration.ofMillis(20),
        new Random(1)));
    WorkstationReleases releases = new WorkstationReleases(journal);
    return new WorkstationTraining(releases, new UserDocuments(releases, api, sha -> null), trainingJournal,
        reporter, api, clock);
  }

  private TrainingJournal trainingJournal() {
    return new TrainingJournal(dir.resolve("training.json"));
  }

  @Test
  void items_installedAndOfferedReleases_titlesLinksAndTheUsersProgress() {
    WorkstationTraining training = training(trainingJournal());
    training.done("office", "alice");

    assertThat(training.items("alice")).extracting(TrainingItem::releaseName, TrainingItem::installed,
        TrainingItem::title, TrainingItem::link, TrainingItem::done, TrainingItem::reported).containsExactly(
            org.assertj.core.groups.Tuple.tuple("office", true, "What is new in 7.6.4",
                "https://learn.example.com/office", true, true),
            org.assertj.core.groups.Tuple.tuple("calc", false, "What is new in 1.0.0",
                "https://learn.example.com/calc", false, false));
    assertThat(training.items("bob")).extracting(TrainingItem::done).containsExactly(false, false);
  }

  @Test
  void done_serverReachable_journaledReportedOnceAndIdempotent() {
    WorkstationTraining training = training(trainingJournal());

    WorkstationTraining.Outcome first = training.done("What is new in 1.0.0", "alice");
    WorkstationTraining.Outcome again = training.done("calc@1.0.0", "alice");

    assertThat(first).isEqualTo(new WorkstationTraining.Outcome("calc@1.0.0", "What is new in 1.0.0", false, true));
    assertThat(again.already()).isTrue();
    assertThat(server.attestations).singleElement().satisfies(a -> {
      assertThat(a.getEndpointId()).isEqualTo("ep-1");
      assertThat(a.getReleaseName() + "@" + a.getReleaseVersion()).isEqualTo("calc@1.0.0");
      assertThat(a.getItem()).isEqualTo("What is new in 1.0.0");
      assertThat(a.getUser()).isEqualTo("alice");
      assertThat(a.getAttestedAt().getSeconds()).isEqualTo(clock.instant().getEpochSecond());
    });
    assertThat(trainingJournal().pending()).isEmpty();
  }

  @Test
  void done_serverDown_journaledThenReportedByTheReporterOnceItIsBack() throws Exception {
    server.refuseAttestations.set(3);
    WorkstationTraining training = training(trainingJournal());

    WorkstationTraining.Outcome outcome = training.done("office", "alice");
    assertThat(outcome.reported()).isFalse();
    assertThat(trainingJournal().pending()).hasSize(1); // durable before the user was told
    reporter.start();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!trainingJournal().pending().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10); // bounded wait for the background retries
    }
    assertThat(trainingJournal().pending()).isEmpty();
    assertThat(server.recorded).containsExactly("office@7.6.4/What is new in 7.6.4/alice");
    assertThat(server.attestations).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void journal_survivesRestart_pendingReportedByTheNextRun() {
    server.refuseAttestations.set(1);
    training(trainingJournal()).done("office", "alice");
    reporter.close();

    TrainingJournal reopened = trainingJournal();
    assertThat(reopened.all()).singleElement().satisfies(a -> {
      assertThat(a.user()).isEqualTo("alice");
      assertThat(a.acknowledged()).isFalse();
    });
    WorkstationTraining next = training(reopened);
    assertThat(reporter.flush()).isTrue();

    assertThat(reopened.pending()).isEmpty();
    assertThat(next.items("alice").get(0).done()).isTrue();
    assertThat(server.recorded).hasSize(1);
  }

  @Test
  void done_unknownItem_notFoundNothingJournaled() {
    WorkstationTraining training = training(trainingJournal());

    assertThatThrownBy(() -> training.done("excel", "alice")).isInstanceOfSatisfying(DocumentException.class,
        e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.NOT_FOUND)).hasMessageStartingWith(
            "no training item excel on this computer");
    assertThat(trainingJournal().all()).isEmpty();
  }

  @Test
  void localSocket_trainingCommand_peerUserWinsOverTheClaimedOne() {
    LocalRequestHandler handler = new LocalRequestHandler(null, null)
        .register("training", new TrainingLocalCommand(training(trainingJournal())));

    JsonObject done = handler.handle("{\"command\":\"training\",\"done\":\"office\",\"user\":\"mallory\"}",
        "alice");
    JsonObject list = JsonParser.parseString(handler.handle("{\"command\":\"training\",\"user\":\"alice\"}", "")
        .toString()).getAsJsonObject();

    assertThat(done.get("ok").getAsBoolean()).as(done.toString()).isTrue();
    assertThat(done.get("user").getAsString()).isEqualTo("alice");
    assertThat(done.get("message").getAsString()).isEqualTo("recorded: 'What is new in 7.6.4' (office@7.6.4) for"
        + " alice; reported to the server");
    assertThat(list.getAsJsonArray("items").get(0).getAsJsonObject().get("done").getAsBoolean()).isTrue();
    assertThat(handler.handle("{\"command\":\"training\",\"done\":\"excel\"}", "alice").get("code").getAsString())
        .isEqualTo("not_found");
  }
}
