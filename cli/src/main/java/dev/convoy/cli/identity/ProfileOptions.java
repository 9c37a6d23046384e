package dev.convoy.cli.identity;

import dev.convoy.protocol.v1.ScopeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --role}, {@code --scope} and {@code --email} options of {@code identity issue} and {@code identity set}.
 * An option not given leaves that part of the person as it is; {@code --scope ''} clears the scope (every endpoint)
 * and {@code --email ''} removes the address.
 */
public final class ProfileOptions {
  @Option(names = "--role", split = ",", paramLabel = "ROLE", description = "Roles (comma-separated or repeated): "
      + "admin, release-manager, approver, technician, service-desk, observer.")
  List<String> roles = new ArrayList<>();

  @Option(names = "--scope", split = ",", paramLabel = "GROUP", description = "Groups the roles are limited to; "
      + "'' for none (every endpoint). Not given: unchanged (a new person: none).")
  List<String> scopes;

  @Option(names = "--email", paramLabel = "ADDRESS", description = "Where notifications to the person go; '' removes "
      + "it.")
  String email;

  List<String> roles() {
    return roles.stream().map(String::trim).filter(role -> !role.isEmpty()).toList();
  }

  /** The scope to send: empty when not given; a set without groups for {@code --scope ''}. */
  Optional<ScopeSet> scopes() {
    if (scopes == null) {
      return Optional.empty();
    }
    return Optional.of(ScopeSet.newBuilder().addAllGroups(scopes.stream().map(String::trim)
        .filter(group -> !group.isEmpty()).toList()).build());
  }

  Optional<String> email() {
    return Optional.ofNullable(email);
  }
}
