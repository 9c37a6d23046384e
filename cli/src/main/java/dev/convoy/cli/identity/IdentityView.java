package dev.convoy.cli.identity;

import com.google.protobuf.Timestamp;
import dev.convoy.cli.output.Table;
import dev.convoy.protocol.v1.ListIdentitiesResponse;
import dev.convoy.protocol.v1.PersonInfo;
import java.time.Instant;

/** How persons are shown: one table row each. Stateless. */
final class IdentityView {
  private IdentityView() {}

  static String render(ListIdentitiesResponse response) {
    Table table = new Table("NAME", "ROLES", "SCOPES", "E-MAIL", "CERTIFICATES", "REVOKED");
    for (PersonInfo person : response.getPersonsList()) {
      table.row(person.getName(), String.join(",", person.getRolesList()), scope(person),
          person.getEmail().isEmpty() ? "-" : person.getEmail(), String.valueOf(person.getCertificateCount()),
          person.getRevoked() ? instant(person.getRevokedAt()) : "no");
    }
    return table.render();
  }

  static String scope(PersonInfo person) {
    return person.getScopesCount() == 0 ? "(all)" : String.join(",", person.getScopesList());
  }

  static String instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
  }
}
