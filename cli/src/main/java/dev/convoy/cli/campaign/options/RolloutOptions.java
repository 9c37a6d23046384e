package dev.convoy.cli.campaign.options;

import dev.convoy.cli.UsageException;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.ErrorAction;
import dev.convoy.protocol.v1.Rollout;
import dev.convoy.protocol.v1.WaveSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How widely a campaign opens: {@code --rollout}, {@code --wave} (repeatable, in order), {@code --on-error}. A
 * picocli mixin of {@code campaign create}.
 */
public final class RolloutOptions {
  @Option(names = "--rollout", paramLabel = "big-bang|phased", converter = Choices.RolloutConverter.class,
      description = "big-bang (default): every target at once; phased: wave after wave (give --wave for each).")
  Rollout rollout;

  @Option(names = "--wave", paramLabel = "SPEC", converter = WaveSpecs.class, description = {
      "A wave (repeatable, in order). SPEC: comma-separated items:",
      "  groups=G1+G2 | percent=P   the wave's endpoints: these groups' targets, or P %% of the rest",
      "  name=N  success=90%%|9  error=10%%|2  min-sample=N  soak=D  go",
      "e.g. --wave name=pilot,groups=site-a+site-b,success=90%%,error=2,min-sample=3,soak=2h,go",
      "     --wave name=rest,percent=100",
      "A big-bang campaign takes at most one --wave: the gate of its single wave."})
  List<WaveSpec> waves = new ArrayList<>();

  @Option(names = "--on-error", paramLabel = "pause|abort", converter = Choices.ErrorActionConverter.class,
      description = "What a wave's error-threshold breach does to the campaign (default: pause).")
  ErrorAction onError;

  /** Sets what was given on {@code request}. @throws UsageException when rollout and waves do not agree */
  public void applyTo(CreateCampaignRequest.Builder request) {
    if (rollout == Rollout.PHASED && waves.isEmpty()) {
      throw new UsageException("--rollout phased without --wave (expected: at least one --wave SPEC, e.g. "
          + "--wave name=pilot,groups=pilot --wave name=rest,percent=100)");
    }
    if (rollout != Rollout.PHASED && waves.size() > 1) {
      throw new UsageException("--wave given " + waves.size() + " times for a "
          + (rollout == null ? "big-bang (default)" : "big-bang") + " rollout (expected: --rollout phased, or a"
          + " single --wave)");
    }
    if (rollout != null) {
      request.setRollout(rollout);
    }
    if (onError != null) {
      request.setOnError(onError);
    }
    request.addAllWaves(waves);
  }
}
