package dev.convoy.server.window;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A 5-field Unix cron expression, evaluated by cron-utils in floating time (UTC stands for "local", so cron-utils
 * never sees a DST change; the schedule resolves the local times in the real zone). Immutable.
 */
final class CronStartRule implements StartRule {
  static final String EXAMPLE = "5 cron fields (minute hour day-of-month month day-of-week) such as 0 0 * * SAT";
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final ExecutionTime execution;
  private final String text;

  private CronStartRule(ExecutionTime execution, String text) {
    this.execution = execution;
    this.text = text;
  }

  /**
   * Parses and checks {@code value}.
   *
   * @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT naming {@code field} when the expression is
   *     malformed or never fires
   */
  static CronStartRule parse(String field, String value) {
    String text = value.strip().replaceAll("\\s+", " ");
    ExecutionTime execution;
    try {
      Cron cron = parseCron(text);
      execution = ExecutionTime.forCron(cron.validate());
    } catch (IllegalArgumentException e) {
      throw StartRule.invalid(field, value, EXAMPLE);
    }
    CronStartRule parsed = new CronStartRule(execution, text);
    if (parsed.startsFrom(0).next() == NONE) {
      throw StartRule.invalid(field, value, "a cron expression that fires");
    }
    return parsed;
  }

  private static synchronized Cron parseCron(String text) {
    // cron-utils does not document its parser as thread-safe; parsing is rare, so serialise it.
    return PARSER.parse(text);
  }

  @Override
  public Starts startsFrom(long localSecond) {
    // nextExecution is strictly after its argument; cron has whole minutes, so "after t - 1s" is "at or after t".
    ZonedDateTime[] cursor = {ZonedDateTime.ofInstant(Instant.ofEpochSecond(localSecond - 1), ZoneOffset.UTC)};
    return () -> {
      Optional<ZonedDateTime> next = execution.nextExecution(cursor[0]);
      if (next.isEmpty()) {
        return NONE;
      }
      cursor[0] = next.get();
      return cursor[0].toEpochSecond();
    };
  }

  @Override
  public String text() {
    return text;
  }
}
