package dev.convoy.cli.audit;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.AuditEntry;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListAuditEntriesResponse;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy audit list}: who did what to what, and when, oldest first. */
@Command(name = "list", description = "Lists audit entries, oldest first: sequence, time, actor, action, target.")
public final class AuditListCommand extends CliCommand {
  @Mixin
  private AuditFilter filter;

  @Mixin
  private OutputOption output;

  AuditListCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    var format = output.format();
    ListAuditEntriesRequest request = filter.request(context.clock().instant());
    ListAuditEntriesResponse.Builder all = ListAuditEntriesResponse.newBuilder();
    AuditPages.forEach(context.admin(), request, all::addEntries);
    context.out().print(switch (format) {
      case JSON -> Json.pretty(all) + "\n";
      case CSV -> csv(all.build());
      case TABLE -> table(all.build());
    });
    return ExitCodes.OK;
  }

  static String table(ListAuditEntriesResponse entries) {
    if (entries.getEntriesCount() == 0) {
      return "No audit entries match.\n";
    }
    Table table = new Table("SEQ", "TIME", "ACTOR", "ACTION", "TARGET", "DETAILS");
    for (AuditEntry entry : entries.getEntriesList()) {
      table.row(String.valueOf(entry.getSequence()), Times.iso(entry.getTime()), actor(entry.getActor()),
          entry.getAction(), entry.getTarget(), details(entry.getDetailsMap()));
    }
    return table.render() + entries.getEntriesCount() + (entries.getEntriesCount() == 1 ? " entry\n" : " entries\n");
  }

  static String csv(ListAuditEntriesResponse entries) {
    Csv csv = new Csv("sequence", "time", "actor", "action", "target", "details", "previous_hash", "hash");
    for (AuditEntry entry : entries.getEntriesList()) {
      csv.row(String.valueOf(entry.getSequence()), Times.exact(entry.getTime()), entry.getActor(),
          entry.getAction(), entry.getTarget(), details(entry.getDetailsMap()), entry.getPreviousHash(),
          entry.getHash());
    }
    return csv.render();
  }

  /** {@code CN=alice,OU=person,O=Convoy} → {@code alice}: the table is for people; JSON and CSV keep it whole. */
  private static String actor(String subject) {
    return subject.startsWith("CN=") && subject.contains(",") ? subject.substring(3, subject.indexOf(','))
        : subject;
  }

  private static String details(Map<String, String> details) {
    return new java.util.TreeMap<>(details).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
