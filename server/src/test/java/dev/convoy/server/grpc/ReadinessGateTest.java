package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AuditEntry;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.GetReleaseReadinessRequest;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.RaciSubject;
import dev.convoy.protocol.v1.ReleaseReadiness;
import dev.convoy.protocol.v1.ReleaseRef;
import dev.convoy.protocol.v1.SetRaciRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.protocol.v1.WaiveReadinessRequest;
import dev.convoy.release.InstallerSpec;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.ReleaseBuilder;
import dev.convoy.server.people.Role;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-hold 3 of issue 7: a production campaign of a release missing its KB article is refused naming what is
 * missing; the release Accountable's waiver lets it through and is in the audit log. Pilots are exempt.
 */
class ReadinessGateTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Map<String, Identity> people;
  private final PublisherKeyPair key = PublisherKeys.generate();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
    people = server.addPeople(Map.of("rita", Set.of(Role.RELEASE_MANAGER), "alice", Set.of(Role.APPROVER)));
    server.enroll("lab", "pc-a");
    PublisherKeyGrpcTest.trust(server, "IT packaging", key);
    byte[] file = withoutKb("viewer", "2.0.0");
    SignedPublisher.upload(server, SignedPublisher.signedHeader(file), file);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Runbook, user documentation and a training text, but no technician KB article. */
  private byte[] withoutKb(String name, String version) throws Exception {
    Path tree = Files.createDirectories(work.resolve("tree/bin"));
    Files.writeString(tree.resolve("viewer"), "#!/bin/sh\necho view\n");
    Path runbook = Files.writeString(work.resolve("runbook.md"), "1. install\n");
    Path user = Files.writeString(work.resolve("user.md"), "Open a file.\n");
    Path training = Files.writeString(work.resolve("training.md"), "Lesson 1.\n");
    Path out = work.resolve(name + ".cvr");
    ReleaseBuilder.fromDirectory(work.resolve("tree")).name(name).version(version)
        .installer(new InstallerSpec("archive", Map.of("target", "/opt/" + name)))
        .runbook(runbook).userDoc(user).trainingDocument("Basics", "all users", training).build(out, key);
    return Files.readAllBytes(out);
  }

  private AdminServiceGrpc.AdminServiceBlockingStub as(String person) {
    return AdminServiceGrpc.newBlockingStub(server.channel(people.get(person)))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static CreateCampaignRequest.Builder campaign() {
    return CreateCampaignRequest.newBuilder().setReleaseName("viewer").setReleaseVersion("2.0.0")
        .setTargets(Targets.newBuilder().addGroups("lab"));
  }

  private WaiveReadinessRequest waiveKb() {
    return WaiveReadinessRequest.newBuilder().setReleaseName("viewer").setReleaseVersion("2.0.0")
        .addMissing("kb").setComment("KB article follows next week; service desk briefed").build();
  }

  @Test
  void createProduction_releaseMissingKb_refusedNamingIt() {
    ReleaseReadiness readiness = as("rita").getReleaseReadiness(GetReleaseReadinessRequest.newBuilder()
        .setReleaseName("viewer").setReleaseVersion("2.0.0").build());
    assertThat(readiness.getReady()).isFalse();
    assertThat(readiness.getMissingList()).containsExactly("technician KB article");

    assertThat(assertStatus(() -> as("rita").createCampaign(campaign().build()), Status.Code.FAILED_PRECONDITION))
        .contains("release viewer@2.0.0 is not ready").contains("missing technician KB article")
        .doesNotContain("runbook,").contains("--missing kb");
    assertThat(as("rita").createCampaign(campaign().setPilot(true).build()).getPilot()).isTrue();
  }

  @Test
  void waive_byReleaseAccountable_letsProductionThroughAndIsAudited() {
    assertThat(assertStatus(() -> as("alice").waiveReadiness(waiveKb()), Status.Code.FAILED_PRECONDITION))
        .contains("has no RACI");
    as("rita").setRaci(SetRaciRequest.newBuilder().setSubject(RaciSubject.newBuilder().setRelease(
        ReleaseRef.newBuilder().setName("viewer").setVersion("2.0.0"))).setResponsible("rita")
        .setAccountable("alice").build());
    assertThat(assertStatus(() -> server.adminStub().waiveReadiness(waiveKb()), Status.Code.PERMISSION_DENIED))
        .contains("not the Accountable of release viewer@2.0.0").contains("alice");

    ReleaseReadiness after = as("alice").waiveReadiness(waiveKb());
    assertThat(after.getReady()).isTrue();
    assertThat(after.getItemsList()).filteredOn(i -> i.getItem().equals("kb")).singleElement()
        .satisfies(i -> assertThat(i.getWaivedBy()).isEqualTo("alice"));

    var created = as("rita").createCampaign(campaign().build());
    assertThat(created.getPilot()).isFalse();
    assertThat(created.getApprovalState()).contains("awaiting approval by alice"); // inherited the release RACI
    AuditEntry waiver = server.adminStub().listAuditEntries(ListAuditEntriesRequest.getDefaultInstance())
        .getEntriesList().stream().filter(e -> e.getAction().equals("release.waive-readiness")).findFirst()
        .orElseThrow();
    assertThat(waiver.getTarget()).isEqualTo("viewer@2.0.0");
    assertThat(waiver.getActor()).contains("CN=alice");
    assertThat(waiver.getDetailsMap()).containsEntry("labels", "technician KB article")
        .containsEntry("comment", "KB article follows next week; service desk briefed");
    assertThat(server.adminStub().verifyAudit(dev.convoy.protocol.v1.VerifyAuditRequest.getDefaultInstance())
        .getOk()).isTrue();
  }
}
