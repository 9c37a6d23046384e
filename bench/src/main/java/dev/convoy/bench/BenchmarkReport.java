package dev.convoy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark run's results as a Markdown section appended to BENCHMARKS.md: when, where, which commit, the exact
 * command, then one row per metric with its target and the published anchors. Numbers are only ever written here
 * by the benchmark that measured them.
 */
final class BenchmarkReport {
  private final String title;
  private final String command;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  BenchmarkReport(String title, String command) {
    this.title = title;
    this.command = command;
  }

  /** Adds a metric row: name, measured value, target (or "—"), anchor (or "—"). */
  BenchmarkReport metric(String name, String measured, String target, String anchor) {
    rows.add(new String[] {name, measured, target, anchor});
    return this;
  }

  BenchmarkReport note(String text) {
    notes.add(text);
    return this;
  }

  String markdown(MachineFacts machine, Instant at) {
    StringBuilder out = new StringBuilder();
    out.append("\n## ").append(title).append("\n\n");
    out.append("- when: ").append(at.truncatedTo(ChronoUnit.SECONDS)).append('\n');
    out.append("- machine: ").append(machine.describe()).append('\n');
    out.append("- commit: `").append(machine.commit()).append("`\n");
    out.append("- command: `").append(command).append("`\n\n");
    out.append("| metric | measured | target | anchor |\n|---|---|---|---|\n");
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    for (String note : notes) {
      out.append("\n").append(note).append('\n');
    }
    return out.toString();
  }

  /**
   * Prints the section and appends it to {@code file} (created with a header if missing). When the environment
   * names a summary file ({@code CONVOY_BENCH_SUMMARY}, set by bench/run-all), every row with a target is also
   * appended there as a summary table row.
   */
  void publish(Path file) throws IOException {
    String section = markdown(MachineFacts.current(), Instant.now());
    System.out.print(section);
    String summary = System.getenv("CONVOY_BENCH_SUMMARY");
    if (summary != null) {
      StringBuilder lines = new StringBuilder();
      for (String[] row : rows) {
        if (!row[2].equals("—")) {
          lines.append("| ").append(title.replaceFirst(":.*", "")).append(" | ").append(row[0].strip()).append(" | ")
              .append(row[1]).append(" | ").append(row[2]).append(" |\n");
        }
      }
      Files.writeString(Path.of(summary), lines.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    if (!Files.exists(file)) {
      Files.writeString(file, "# Convoy benchmarks\n\nEvery section below was written by the benchmark command it "
          + "names, on the machine it names. Nothing here is typed by hand.\n", StandardCharsets.UTF_8);
    }
    Files.writeString(file, section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
