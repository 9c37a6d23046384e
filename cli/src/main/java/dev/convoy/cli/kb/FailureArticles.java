package dev.convoy.cli.kb;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.FindKbArticlesRequest;
import dev.convoy.protocol.v1.KbArticleSummary;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.StateChange;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The KB articles that match a failed deployment ({@code FindKbArticles}: the release, the state it failed in, its
 * exit code), for every view that shows one failure. Stateless.
 */
public final class FailureArticles {
  /** The outcomes that are failures worth a KB lookup. */
  public static final Set<DeploymentState> FAILED = EnumSet.of(DeploymentState.FAILED,
      DeploymentState.FAILED_VERIFICATION, DeploymentState.ROLLED_BACK);
  private static final Set<DeploymentState> TERMINAL = EnumSet.of(DeploymentState.SUCCEEDED, DeploymentState.FAILED,
      DeploymentState.ROLLED_BACK, DeploymentState.CANCELLED, DeploymentState.ALREADY_INSTALLED,
      DeploymentState.FAILED_VERIFICATION, DeploymentState.RETRY_PENDING);

  private FailureArticles() {}

  /**
   * The request for a deployment's failure: the state it failed in is the last non-terminal state of its history
   * (INSTALLING, DOWNLOADING ...), else its final state; the exit code only when the installer gave one (not 0).
   */
  public static FindKbArticlesRequest request(Release release, DeploymentStatus d) {
    DeploymentState failedIn = d.getHistoryList().stream().map(StateChange::getState)
        .filter(s -> !TERMINAL.contains(s)).reduce((first, second) -> second).orElse(d.getState());
    return FindKbArticlesRequest.newBuilder().setReleaseName(release.getName())
        .setReleaseVersion(release.getVersion()).setFailureState(failedIn).setExitCode(d.getExitCode())
        .setHasExitCode(d.getExitCode() != 0).build();
  }

  /** The matching articles, or empty when the deployment did not fail or the server cannot answer. */
  public static Optional<List<KbArticleSummary>> find(AdminServiceGrpc.AdminServiceBlockingStub admin,
      Release release, DeploymentStatus d) {
    if (!FAILED.contains(d.getState()) || release.getName().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(admin.findKbArticles(request(release, d)).getArticlesList());
    } catch (StatusRuntimeException e) {
      // The status itself was answered; a knowledge base that cannot be read must not hide it.
      return Optional.empty();
    }
  }
}
