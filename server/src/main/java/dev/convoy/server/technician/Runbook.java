package dev.convoy.server.technician;

import java.util.List;

/**
 * A release's production runbook as steps a technician walks one by one (see {@link RunbookParser} for the
 * convention). {@code installStep} is the index of the step that lets the install run when the walk reaches it, or
 * -1: then the install runs once every step was walked.
 */
public record Runbook(List<Step> steps, int installStep) {
  public static final Runbook NONE = new Runbook(List.of(), -1);

  public Runbook {
    steps = List.copyOf(steps);
    if (installStep < -1 || installStep >= steps.size()) {
      throw new IllegalArgumentException("installStep: " + installStep + " (expected: -1..." + (steps.size() - 1) + ")");
    }
  }

  /** One step: its title (the heading or list item, without the install marker) and the text under it. */
  public record Step(String title, String body) {}

  public boolean empty() {
    return steps.isEmpty();
  }
}
