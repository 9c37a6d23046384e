package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DownloadRequest;
import dev.convoy.protocol.v1.ListCampaignsRequest;
import dev.convoy.protocol.v1.ListReleasesRequest;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.server.testing.LegacyReleases;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unsigned releases that a server from before the signed format stored (format ""): listed, removable by an
 * uninstall campaign, but never offered for installing and their payload never streamed to an agent.
 */
class UnsignedReleaseTest {
  private static final String UNSIGNED_REFUSAL = "release legacy@0.9.0: unsigned (retired): agents install only"
      + " releases signed by a trusted publisher key (expected: a signed release, published with"
      + " 'convoy release publish')";

  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Identity a;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    a = server.enroll("lab", "pc-a");
    SignedPublisher.trusted(server, work).publish("hello", "1.0.0");
    server.whileStopped(storage -> LegacyReleases.storeUnsigned(storage, dir.resolve("content"), "legacy", "0.9.0",
        new byte[5000], 4096, server.clock.instant()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static CreateCampaignRequest.Builder campaign(String name, String version) {
    return CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName(name).setReleaseVersion(version)
        .setTargets(Targets.newBuilder().addGroups("lab"));
  }

  private List<DeploymentSpec> desired() {
    return server.agentStub(a).sync(SyncRequest.newBuilder().setEndpointId(TestServer.endpointId(a)).build())
        .getDeploymentsList();
  }

  @Test
  void listReleases_unsignedFromAnOlderServer_listedWithEmptyFormatBesideSignedOnes() {
    List<Release> releases = server.adminStub().listReleases(ListReleasesRequest.getDefaultInstance())
        .getReleasesList();

    assertThat(releases).extracting(Release::getName, Release::getFormat).containsExactly(
        org.assertj.core.groups.Tuple.tuple("hello", "convoy-release"),
        org.assertj.core.groups.Tuple.tuple("legacy", ""));
    assertThat(releases.get(1).getSignerKeyId()).isEmpty();
  }

  @Test
  void createCampaign_installOfUnsignedRelease_failedPreconditionNamingItAndNothingCreated() {
    String message = assertStatus(() -> server.adminStub().createCampaign(campaign("legacy", "0.9.0").build()),
        Status.Code.FAILED_PRECONDITION);

    assertThat(message).isEqualTo(UNSIGNED_REFUSAL);
    assertThat(server.adminStub().listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsCount())
        .isZero();
    assertThat(desired()).isEmpty();
  }

  @Test
  void createCampaign_installOfSignedRelease_stillCreated() {
    Campaign draft = server.adminStub().createCampaign(campaign("hello", "1.0.0").build());

    assertThat(draft.getRelease().getName()).isEqualTo("hello");
  }

  @Test
  void createCampaign_uninstallOfUnsignedRelease_offeredAsUninstallButItsPayloadNeverStreamed() {
    Campaign draft = server.adminStub().createCampaign(campaign("legacy", "0.9.0")
        .setAction(DeploymentAction.UNINSTALL).build());
    server.adminStub().startCampaign(StartCampaignRequest.newBuilder().setCampaignId(draft.getCampaignId())
        .build());
    DeploymentSpec spec = desired().get(0);

    assertThat(spec.getAction()).isEqualTo(DeploymentAction.UNINSTALL);
    assertThat(spec.getRelease().getFormat()).isEmpty();
    String message = assertStatus(() -> server.agentStub(a).download(DownloadRequest.newBuilder()
        .setEndpointId(TestServer.endpointId(a)).setDeploymentId(spec.getDeploymentId()).build()).hasNext(),
        Status.Code.FAILED_PRECONDITION);
    assertThat(message).isEqualTo(UNSIGNED_REFUSAL);
  }
}
