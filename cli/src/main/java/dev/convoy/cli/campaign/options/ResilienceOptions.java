package dev.convoy.cli.campaign.options;

import dev.convoy.cli.UsageException;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.RetryPolicy;
import dev.convoy.protocol.v1.Timeouts;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Timeouts and retries: {@code --timeout-downloading}, {@code --timeout-installing},
 * {@code --timeout-technician}, {@code --timeout-unresponsive}, {@code --retry-max}, {@code --retry-backoff},
 * {@code --retry-exit-codes}. A picocli mixin of {@code campaign create}; each message is sent only when one of its
 * options is given.
 */
public final class ResilienceOptions {
  @Option(names = "--timeout-downloading", paramLabel = "D", converter = HumanDuration.class,
      description = "Fail a deployment that downloads for longer than this.")
  Duration downloading;

  @Option(names = "--timeout-installing", paramLabel = "D", converter = HumanDuration.class,
      description = "Fail a deployment that installs and verifies for longer than this.")
  Duration installing;

  @Option(names = "--timeout-technician", paramLabel = "D", converter = HumanDuration.class,
      description = "Fail a technician deployment that waits for a technician longer than this.")
  Duration technician;

  @Option(names = "--timeout-unresponsive", paramLabel = "D", converter = HumanDuration.class,
      description = "Fail a deployment the endpoint has not picked up after this long.")
  Duration unresponsive;

  @Option(names = "--retry-max", paramLabel = "N", description = "Retry a failed attempt up to N times (N + 1"
      + " attempts in all; default 0: no retry). Retried: failures the installer marks retryable and the exit"
      + " codes of --retry-exit-codes.")
  Integer retryMax;

  @Option(names = "--retry-backoff", paramLabel = "D", converter = HumanDuration.class,
      description = "Wait before the first retry; doubled before each further one, e.g. 15m.")
  Duration retryBackoff;

  @Option(names = "--retry-exit-codes", paramLabel = "CODES", split = ",", converter = ExitCode.class,
      description = "Installer exit codes that mean \"try again later\", comma separated, e.g. 75,1618.")
  List<Integer> retryExitCodes;

  /** Sets what was given on {@code request}. @throws UsageException on a negative {@code --retry-max} */
  public void applyTo(CreateCampaignRequest.Builder request) {
    if (downloading != null || installing != null || technician != null || unresponsive != null) {
      Timeouts.Builder timeouts = Timeouts.newBuilder();
      set(downloading, d -> timeouts.setDownloading(HumanDuration.toProto(d)));
      set(installing, d -> timeouts.setInstalling(HumanDuration.toProto(d)));
      set(technician, d -> timeouts.setAwaitingTechnician(HumanDuration.toProto(d)));
      set(unresponsive, d -> timeouts.setUnresponsive(HumanDuration.toProto(d)));
      request.setTimeouts(timeouts);
    }
    if (retryMax != null && retryMax < 0) {
      throw new UsageException("--retry-max: " + retryMax + " (expected: >= 0 retries)");
    }
    if (retryMax != null || retryBackoff != null || retryExitCodes != null) {
      RetryPolicy.Builder retry = RetryPolicy.newBuilder();
      set(retryMax, n -> retry.setMaxAttempts(n + 1));
      set(retryBackoff, d -> retry.setBackoff(HumanDuration.toProto(d)));
      set(retryExitCodes, retry::addAllRetryableExitCodes);
      request.setRetry(retry);
    }
  }

  private static <T> void set(T value, java.util.function.Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** One exit code of {@code 75,1618}: a whole number (negative ones too: Windows HRESULTs). */
  public static final class ExitCode implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' (expected: whole exit codes separated by"
            + " commas, e.g. 75,1618)");
      }
    }
  }
}
