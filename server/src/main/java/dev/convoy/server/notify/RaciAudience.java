package dev.convoy.server.notify;

import dev.convoy.server.governance.Raci;
import dev.convoy.server.people.Person;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The e-mail audience a campaign's RACI names (issue 7): the Informed — and the Responsible, who runs the campaign —
 * read about every campaign change and every approval given; the Accountable is asked for approvals and goes between
 * waves; the Consulted are asked to acknowledge. Persons without an e-mail address, revoked persons and campaigns
 * without a RACI add nobody. Thread-safe (reads only).
 */
public final class RaciAudience implements Audience {
  private final Function<String, Optional<Raci>> raciOf;
  private final Function<String, Optional<Person>> persons;

  /**
   * @param raciOf the RACI of a campaign id, when one is set
   * @param persons a person by name
   */
  public RaciAudience(Function<String, Optional<Raci>> raciOf, Function<String, Optional<Person>> persons) {
    this.raciOf = raciOf;
    this.persons = persons;
  }

  @Override
  public List<String> recipients(String campaignId, String kind) {
    return raciOf.apply(campaignId).map(raci -> recipients(raci, kind)).orElse(List.of());
  }

  /**
   * The addresses {@code raci} names for {@code kind}: for events announced in the same change as the RACI they
   * concern (a RACI being set asks for approval before it is stored).
   */
  public List<String> recipients(Raci raci, String kind) {
    return addresses(names(raci, kind));
  }

  /** Who a RACI names for {@code kind}. */
  static Set<String> names(Raci raci, String kind) {
    Set<String> names = new LinkedHashSet<>();
    switch (kind) {
      case NotificationKinds.APPROVAL_REQUESTED, NotificationKinds.CAMPAIGN_WAVE_AWAITING_GO ->
          names.add(raci.accountable());
      case NotificationKinds.ACK_REQUESTED -> names.addAll(raci.consulted());
      default -> {
        names.add(raci.responsible());
        names.addAll(raci.informed());
      }
    }
    names.remove("");
    names.remove(null);
    return names;
  }

  private List<String> addresses(Set<String> names) {
    List<String> addresses = new ArrayList<>();
    for (String name : names) {
      persons.apply(name).filter(p -> !p.revoked() && !p.email().isBlank()).ifPresent(p -> addresses.add(p.email()));
    }
    return addresses;
  }
}
