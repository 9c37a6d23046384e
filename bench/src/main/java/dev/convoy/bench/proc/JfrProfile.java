package dev.convoy.bench.proc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A summary of a JFR recording's {@code jdk.ExecutionSample} events (what {@code jfr print --events
 * jdk.ExecutionSample FILE} lists one by one): the methods most often on top of the stack (self time), and the
 * Convoy ({@code dev.convoy}) method nearest the top (where our code spends or calls out), and the Convoy methods
 * most often on the stack at all (inclusive time), each with its share of the samples.
 */
public record JfrProfile(int samples, List<Share> topFrames, List<Share> nearestConvoy, List<Share> convoyFrames) {
  /** A method and the fraction of samples it accounts for. */
  public record Share(String method, double fraction) {}

  public static JfrProfile of(Path recording, int top) throws IOException {
    Map<String, Integer> tops = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> nearest = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      tops.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (RecordedFrame frame : stack.getFrames()) {
        if (frame.getMethod().getType().getName().startsWith("dev.convoy") && seen.add(name(frame))) {
          if (seen.size() == 1) {
            nearest.merge(name(frame), 1, Integer::sum);
          }
          ours.merge(name(frame), 1, Integer::sum);
        }
      }
    }
    return new JfrProfile(samples, ranked(tops, samples, top), ranked(nearest, samples, top),
        ranked(ours, samples, top));
  }

  private static String name(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }

  private static List<Share> ranked(Map<String, Integer> counts, int samples, int top) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .map(e -> new Share(e.getKey(), samples == 0 ? 0 : e.getValue() / (double) samples))
        .toList();
  }

  /** Markdown: two short lists. */
  public String markdown() {
    StringBuilder out = new StringBuilder("JFR profile of the server (" + samples + " execution samples): top frames ");
    out.append(join(topFrames)).append("; Convoy method nearest the top ").append(join(nearestConvoy));
    out.append("; Convoy methods on the stack (inclusive) ").append(join(convoyFrames)).append('.');
    return out.toString();
  }

  private static String join(List<Share> shares) {
    return String.join(", ", shares.stream()
        .map(s -> String.format("`%s` %.0f %%", s.method(), s.fraction() * 100)).toList());
  }
}
