package dev.convoy.cli.publisher;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.ListPublisherKeysResponse;
import dev.convoy.protocol.v1.PublisherKey;

/** Table and CSV renderings of publisher keys. The table shows full key ids: they are what {@code remove} takes. */
public final class PublisherKeyView {
  private PublisherKeyView() {}

  /** One key as aligned {@code key value} lines. */
  public static String render(PublisherKey key) {
    return new Table("publisher key", key.getKeyId())
        .row("name", key.getName())
        .row("added", Times.iso(key.getAddedAt()) + (key.getAddedBy().isEmpty() ? "" : " by " + key.getAddedBy()))
        .render();
  }

  /** One row per key, or a hint when there is none. */
  public static String render(ListPublisherKeysResponse response) {
    if (response.getKeysCount() == 0) {
      return "No trusted publisher keys. Make one with: convoy publisher keygen --out DIR,"
          + " then: convoy publisher trust DIR/publisher.pub --name WHO\n";
    }
    Table table = new Table("KEY ID", "NAME", "ADDED", "ADDED BY");
    for (PublisherKey key : response.getKeysList()) {
      table.row(key.getKeyId(), key.getName(), Times.iso(key.getAddedAt()), key.getAddedBy());
    }
    return table.render();
  }

  /** {@code key_id,name,added_at,added_by,public_key_pem}, one record per key. */
  public static String csv(ListPublisherKeysResponse response) {
    Csv csv = new Csv("key_id", "name", "added_at", "added_by", "public_key_pem");
    for (PublisherKey key : response.getKeysList()) {
      csv.row(key.getKeyId(), key.getName(), Times.exact(key.getAddedAt()), key.getAddedBy(), key.getPublicKeyPem());
    }
    return csv.render();
  }
}
