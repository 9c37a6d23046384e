package dev.convoy.server.technician;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The install output agents stream for technician jobs: a bounded ring of lines per job, in memory (a live view;
 * the durable record is the log excerpt of the deployment's final report), and the followers of each job. A line
 * is numbered per attempt by the agent; a line at or below the last one kept for that attempt is a resend and is
 * dropped. Thread-safe; followers are told on the sending thread and must not block.
 */
public final class LiveOutput {
  /** Lines kept per job (the oldest go first). */
  public static final int RING_LINES = 2_000;
  /** The longest line kept (longer ones are cut). */
  public static final int MAX_LINE = 2_000;

  /** One line: its agent-side attempt and sequence, and the number the server gives it (from 1 per job). */
  public record Line(long sequence, int attempt, long agentSequence, String text) {}

  private static final class Ring {
    final Deque<Line> lines = new ArrayDeque<>();
    final List<Consumer<List<Line>>> followers = new CopyOnWriteArrayList<>();
    long nextSequence = 1;
    int attempt;
    long lastAgentSequence;
    long dropped;
  }

  private final Map<String, Ring> rings = new ConcurrentHashMap<>();

  /** Starts keeping lines for {@code jobId} (a job was claimed); idempotent. */
  public void open(String jobId) {
    rings.computeIfAbsent(jobId, id -> new Ring());
  }

  /** Whether lines of {@code jobId} are kept. */
  public boolean isOpen(String jobId) {
    return rings.containsKey(jobId);
  }

  /**
   * Appends what the agent sent; {@code false} if nobody keeps lines for the job.
   *
   * @param firstAgentSequence the agent's number of {@code lines[0]}
   */
  public boolean append(String jobId, int attempt, long firstAgentSequence, List<String> lines) {
    Ring ring = rings.get(jobId);
    if (ring == null) {
      return false;
    }
    List<Line> added = new ArrayList<>();
    List<Consumer<List<Line>>> followers;
    synchronized (ring) {
      if (attempt > ring.attempt) {
        ring.attempt = attempt;
        ring.lastAgentSequence = 0;
      }
      for (int i = 0; i < lines.size(); i++) {
        long agentSequence = firstAgentSequence + i;
        if (attempt < ring.attempt || agentSequence <= ring.lastAgentSequence) {
          continue;
        }
        String text = lines.get(i);
        Line line = new Line(ring.nextSequence++, attempt, agentSequence,
            text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + "…" : text);
        ring.lastAgentSequence = agentSequence;
        ring.lines.addLast(line);
        if (ring.lines.size() > RING_LINES) {
          ring.lines.removeFirst();
          ring.dropped++;
        }
        added.add(line);
      }
      followers = List.copyOf(ring.followers);
    }
    if (!added.isEmpty()) {
      followers.forEach(f -> f.accept(List.copyOf(added)));
    }
    return true;
  }

  /** The lines kept after {@code afterSequence}, oldest first. */
  public List<Line> since(String jobId, long afterSequence) {
    Ring ring = rings.get(jobId);
    if (ring == null) {
      return List.of();
    }
    synchronized (ring) {
      return ring.lines.stream().filter(l -> l.sequence() > afterSequence).toList();
    }
  }

  /**
   * Follows {@code jobId}: {@code follower} gets the lines kept after {@code afterSequence} at once, then every new
   * batch, in order (the backlog and the registration happen under the ring's lock, so nothing falls between them).
   *
   * @return stops following
   */
  public Runnable follow(String jobId, long afterSequence, Consumer<List<Line>> follower) {
    Ring ring = rings.computeIfAbsent(jobId, id -> new Ring());
    synchronized (ring) {
      List<Line> backlog = ring.lines.stream().filter(l -> l.sequence() > afterSequence).toList();
      if (!backlog.isEmpty()) {
        follower.accept(backlog);
      }
      ring.followers.add(follower);
    }
    return () -> ring.followers.remove(follower);
  }

  /** Forgets a job's lines (signed off). */
  public void close(String jobId) {
    rings.remove(jobId);
  }
}
