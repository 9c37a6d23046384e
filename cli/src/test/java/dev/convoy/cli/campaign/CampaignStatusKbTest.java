package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.testing.FakeKnowledge;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.KbArticleContent;
import dev.convoy.protocol.v1.StateChange;
import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code convoy campaign status ID --endpoint E} of a FAILED deployment shows the KB articles that match it. */
class CampaignStatusKbTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void seed() {
    Campaign campaign = CampaignViewsFixtures.campaign();
    admin.service().campaigns.put(campaign.getCampaignId(), campaign);
    var failed = CampaignViewsFixtures.failed().toBuilder()
        .addHistory(StateChange.newBuilder().setState(DeploymentState.DOWNLOADED))
        .addHistory(StateChange.newBuilder().setState(DeploymentState.INSTALLING))
        .addHistory(StateChange.newBuilder().setState(DeploymentState.FAILED)).build();
    admin.service().watchScript = c -> List.of(CampaignViewsFixtures.status().toBuilder().setCampaign(c)
        .clearDeployments().addDeployments(failed).addDeployments(CampaignViewsFixtures.deferred()).build());
    admin.service().knowledge.articles.add(KbArticleContent.newBuilder().setArticle(FakeKnowledge.article(
        "KB-1603", "Fatal error during installation", "7.6.4", 1603, "VERIFYING")).build());
    admin.service().knowledge.articles.add(KbArticleContent.newBuilder().setArticle(FakeKnowledge.article(
        "KB-9", "Unrelated", "7.6.4", 9, "DOWNLOADING")).build());
  }

  @Test
  void statusEndpoint_failedDeployment_matchingKbArticlesListed() {
    Result result = admin.run("campaign", "status", "c-7", "--endpoint", "ep-5");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).endsWith("""

        KB articles for this failure (convoy kb show ID@NAME@VERSION):
          ID       TITLE                            RELEASE       COVERS
          KB-1603  Fatal error during installation  office@7.6.4  exit 1603; states VERIFYING
        """);
    var asked = admin.service().knowledge.findRequests.get(0);
    assertThat(asked.getReleaseName() + "@" + asked.getReleaseVersion()).isEqualTo("office@7.6.4");
    assertThat(asked.getFailureState()).as("the state it failed in").isEqualTo(DeploymentState.INSTALLING);
    assertThat(asked.getHasExitCode()).isTrue();
    assertThat(asked.getExitCode()).isEqualTo(1603);
  }

  @Test
  void statusEndpoint_notFailed_noKbLookup() {
    Result result = admin.run("campaign", "status", "c-7", "--endpoint", "ep-6");

    assertThat(result.out()).doesNotContain("KB articles");
    assertThat(admin.service().knowledge.findRequests).isEmpty();
  }

  @Test
  void statusEndpoint_kbUnavailable_statusStillShown() {
    admin.service().knowledge.findFailure = Status.UNIMPLEMENTED;

    Result result = admin.run("campaign", "status", "c-7", "--endpoint", "ep-5");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("ep-5").doesNotContain("KB articles");
  }

  @Test
  void statusEndpoint_failedButNoArticleMatches_viewUnchanged() {
    admin.service().knowledge.articles.clear();

    Result result = admin.run("campaign", "status", "c-7", "--endpoint", "ep-5");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).doesNotContain("KB articles");
    assertThat(admin.service().knowledge.findRequests).hasSize(1);
  }
}
