package dev.convoy.cli.campaign.options;

import dev.convoy.cli.UsageException;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.Delivery;
import dev.convoy.protocol.v1.Execution;
import dev.convoy.protocol.v1.MaintenanceWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * When and how a campaign's installs happen: {@code --delivery}, {@code --execution}, {@code --start-at},
 * {@code --deadline}, {@code --zone}, {@code --window}, {@code --no-prestage}. A picocli mixin of
 * {@code campaign create}; only the options given are set on the request, so that a preset fills the rest.
 */
public final class ScheduleOptions {
  @Option(names = "--delivery", paramLabel = "push|pull", converter = Choices.DeliveryConverter.class,
      description = "push (default): IT decides, installs in the windows; pull: each user installs when they wish,"
          + " until --deadline.")
  Delivery delivery;

  @Option(names = "--execution", paramLabel = "automatic|technician",
      converter = Choices.ExecutionConverter.class,
      description = "automatic (default), or technician: installs only when a technician is present at the"
          + " endpoint (windows do not apply).")
  Execution execution;

  @Option(names = "--start-at", paramLabel = "INSTANT", description = {"Start the campaign at this instant "
      + "(campaign start makes it SCHEDULED until then),", "e.g. 2027-03-27T00:00:00+01:00, or a local date-time"
      + " such as 2027-03-27T00:00 with --zone."})
  String startAt;

  @Option(names = "--deadline", paramLabel = "INSTANT", description = "Pull: after this instant the release"
      + " installs like a push campaign, in the next window. Push and pull: no deferral may end after it."
      + " Same forms as --start-at.")
  String deadline;

  @Option(names = "--zone", paramLabel = "ZONE", description = "The IANA zone (e.g. Europe/Paris) in which local"
      + " date-times of --start-at and --deadline are read.")
  String zone;

  @Option(names = "--window", paramLabel = "SPEC", converter = WindowSpecs.class, description = {
      "A maintenance window (repeatable): installs start only inside one.",
      "SPEC: rrule=RULE|cron=EXPR,duration=D[,zone=ZONE|endpoint]. Quote it for the shell.",
      "  rrule=FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0,duration=47h59m,zone=endpoint",
      "  cron=0 22 * * MON-FRI,duration=6h,zone=Europe/Paris",
      "zone=endpoint (default): each endpoint's own time zone."})
  List<MaintenanceWindow> windows = new ArrayList<>();

  @Option(names = "--no-prestage", description = "Download only inside the windows too (default: download as soon"
      + " as the user was notified, install in the window).")
  boolean noPrestage;

  /** Sets what was given on {@code request}. @throws UsageException naming the option and what was expected */
  public void applyTo(CreateCampaignRequest.Builder request) {
    Optional<ZoneId> localZone = Optional.ofNullable(zone).map(z -> parse("--zone", () -> InstantText.zone(z)));
    Optional<Instant> start = Optional.ofNullable(startAt)
        .map(s -> parse("--start-at", () -> InstantText.parse(s, localZone)));
    Optional<Instant> end = Optional.ofNullable(deadline)
        .map(d -> parse("--deadline", () -> InstantText.parse(d, localZone)));
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      throw new UsageException("--deadline " + end.get() + " is not after --start-at " + start.get()
          + " (expected: a deadline after the start)");
    }
    Optional.ofNullable(delivery).ifPresent(request::setDelivery);
    Optional.ofNullable(execution).ifPresent(request::setExecution);
    start.ifPresent(s -> request.setStartAt(InstantText.toProto(s)));
    end.ifPresent(d -> request.setDeadline(InstantText.toProto(d)));
    request.addAllWindows(windows).setNoPrestage(noPrestage);
  }

  /** Runs {@code parse}, turning its IllegalArgumentException into a usage error naming {@code option}. */
  static <T> T parse(String option, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage(), e);
    }
  }
}
