package dev.convoy.server.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Who is Responsible, Accountable, Consulted and Informed for a release or a campaign, by person name. Immutable.
 * The rules that involve other records (persons exist, four-eyes) are checked by {@link RaciService}.
 *
 * @param responsible runs it (one person)
 * @param accountable approves, gives the go between waves, waives (exactly one person)
 * @param consulted acknowledge before a production start; duplicates dropped, order kept
 * @param informed told of every state change
 * @param setBy certificate subject of who set it
 * @param inheritedFrom {@code name@version} when a campaign took it from its release at creation, else ""
 */
public record Raci(String responsible, String accountable, List<String> consulted, List<String> informed,
    String setBy, Instant setAt, String inheritedFrom) {
  public Raci {
    Objects.requireNonNull(responsible, "responsible");
    Objects.requireNonNull(accountable, "accountable");
    consulted = List.copyOf(new LinkedHashSet<>(consulted));
    informed = List.copyOf(new LinkedHashSet<>(informed));
    setBy = Objects.requireNonNullElse(setBy, "");
    Objects.requireNonNull(setAt, "setAt");
    inheritedFrom = Objects.requireNonNullElse(inheritedFrom, "");
  }

  /** This RACI as a campaign inherits it from release {@code releaseRef}. */
  public Raci inheritedFrom(String releaseRef) {
    return new Raci(responsible, accountable, consulted, informed, setBy, setAt, releaseRef);
  }

  /** Every person it names, once each: R, A, C, I. */
  public List<String> persons() {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    all.add(responsible);
    all.add(accountable);
    all.addAll(consulted);
    all.addAll(informed);
    return new ArrayList<>(all);
  }

  public boolean isConsulted(String person) {
    return consulted.contains(person);
  }
}
