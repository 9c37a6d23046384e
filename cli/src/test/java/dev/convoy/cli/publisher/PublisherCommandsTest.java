package dev.convoy.cli.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.PublisherPublicKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PublisherCommandsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @TempDir
  Path dir;

  private Path keygen(String... more) {
    admin.workingDirectory = dir;
    Result result = admin.runBare(concat(new String[] {"publisher", "keygen", "--out", "keys"}, more));
    assertThat(result.exitCode()).as(result.err()).isZero();
    return dir.resolve("keys");
  }

  @Test
  void keygen_newDirectory_writesPrivate0600AndPublicAndPrintsKeyId() throws IOException {
    Path keys = keygen();

    PublisherKeyPair pair = PublisherKeys.loadPrivateKey(keys.resolve("publisher.key"));
    PublisherPublicKey pub = PublisherKeys.loadPublicKey(keys.resolve("publisher.pub"));
    assertThat(pub).isEqualTo(pair.publicKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("publisher.key"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("publisher.pub"))))
        .isEqualTo("rw-r--r--");
    Result again = admin.runBare("publisher", "keygen", "--out", "other", "-o", "json");
    assertThat(again.out()).contains("\"keyId\": \"" + PublisherKeys.loadPublicKey(dir.resolve("other/publisher.pub"))
        .id().hex() + "\"");
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void keygen_printsTheKeyIdOfTheWrittenKey() throws IOException {
    admin.workingDirectory = dir;
    Result result = admin.runBare("publisher", "keygen", "--out", "k", "--name", "team");

    String id = PublisherKeys.loadPublicKey(dir.resolve("k/team.pub")).id().hex();
    assertThat(result.out()).startsWith("Publisher key " + id + "\n").contains(dir.resolve("k/team.key").toString());
    assertThat(result.err()).contains("convoy publisher trust " + dir.resolve("k/team.pub") + " --name WHO");
  }

  @Test
  void keygen_existingKey_refusedAndUntouched() throws IOException {
    Path keys = keygen();
    String before = Files.readString(keys.resolve("publisher.key"));

    Result result = admin.runBare("publisher", "keygen", "--out", "keys");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains(keys.resolve("publisher.key") + " already exists");
    assertThat(Files.readString(keys.resolve("publisher.key"))).isEqualTo(before);
  }

  @Test
  void keygen_badName_usageError() {
    admin.workingDirectory = dir;
    Result result = admin.runBare("publisher", "keygen", "--out", "k", "--name", "../evil");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--name: '../evil'");
    assertThat(dir.resolve("k")).doesNotExist();
  }

  @Test
  void trustListRemove_roundTrip() throws IOException {
    Path keys = keygen();
    String id = PublisherKeys.loadPublicKey(keys.resolve("publisher.pub")).id().hex();

    Result trust = admin.run("publisher", "trust", keys.resolve("publisher.pub").toString(), "--name", "IT team");
    Result table = admin.run("publisher", "list");
    Result json = admin.run("publisher", "list", "-o", "json");
    Result csv = admin.run("publisher", "list", "-o", "csv");

    assertThat(trust.exitCode()).as(trust.err()).isZero();
    assertThat(trust.out()).contains("publisher key  " + id).contains("name           IT team");
    assertThat(admin.service().publishers.list().getKeys(0).getPublicKeyPem())
        .isEqualTo(Files.readString(keys.resolve("publisher.pub")));
    assertThat(table.out()).startsWith("KEY ID").contains(id + "  IT team  2027-01-15T08:00:00Z");
    assertThat(json.out()).contains("\"keyId\": \"" + id + "\"", "\"name\": \"IT team\"");
    assertThat(csv.out()).startsWith("key_id,name,added_at,added_by,public_key_pem\r\n" + id + ",IT team,");

    Result remove = admin.run("publisher", "remove", id);

    assertThat(remove.exitCode()).as(remove.err()).isZero();
    assertThat(remove.out()).isEqualTo("Removed publisher key " + id + " (IT team)\n");
    assertThat(admin.run("publisher", "list").out()).startsWith("No trusted publisher keys.");
  }

  @Test
  void trust_notAPublicKey_usageErrorNothingSent() throws IOException {
    Path file = Files.writeString(dir.resolve("x.pub"), "not a key");

    Result result = admin.run("publisher", "trust", file.toString(), "--name", "x");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("FILE: " + file);
    assertThat(admin.service().publishers.list().getKeysCount()).isZero();
  }

  @Test
  void remove_unknown_notFoundExit1() {
    Result result = admin.run("publisher", "remove", "ab".repeat(32));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: NOT_FOUND: publisher key " + "ab".repeat(32) + " not found\n");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
