package dev.convoy.installers.script;

import dev.convoy.installers.InstallLog;
import java.util.ArrayList;
import java.util.List;

/** Runs programs for real ({@link LocalProcessRunner}) and records each run's label and command, for assertions. */
public final class RecordingRunner implements ProcessRunner {
  private final ProcessRunner delegate = new LocalProcessRunner();
  private final List<ProcessSpec> runs = new ArrayList<>();

  @Override
  public synchronized ProcessOutcome run(ProcessSpec spec, InstallLog log) {
    runs.add(spec);
    return delegate.run(spec, log);
  }

  /** The labels of the runs so far, in order ({@code install.sh}, {@code dpkg -i}, ...). */
  public synchronized List<String> labels() {
    return runs.stream().map(ProcessSpec::label).toList();
  }

  /** The runs so far, in order. */
  public synchronized List<ProcessSpec> runs() {
    return List.copyOf(runs);
  }

  public synchronized void clear() {
    runs.clear();
  }
}
