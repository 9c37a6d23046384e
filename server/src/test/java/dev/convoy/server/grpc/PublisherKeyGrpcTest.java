package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AddPublisherKeyRequest;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.DesiredState;
import dev.convoy.protocol.v1.ListPublisherKeysRequest;
import dev.convoy.protocol.v1.PublisherKey;
import dev.convoy.protocol.v1.RemovePublisherKeyRequest;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import dev.convoy.transport.KeyPairs;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherKeyGrpcTest {
  @TempDir Path dir;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static PublisherKey trust(TestServer server, String name, PublisherKeyPair key) {
    return dev.convoy.server.testing.SignedPublisher.trust(server, name, key);
  }

  private java.util.List<PublisherKey> listed() {
    return server.adminStub().listPublisherKeys(ListPublisherKeysRequest.getDefaultInstance()).getKeysList();
  }

  @Test
  void addPublisherKey_ed25519Pem_storedWithIdOfTheKey() throws Exception {
    PublisherKeyPair key = PublisherKeys.generate();

    PublisherKey added = trust(server, "IT packaging", key);

    assertThat(added.getKeyId()).isEqualTo(key.publicKey().id().hex());
    assertThat(added.getName()).isEqualTo("IT packaging");
    assertThat(PublisherKeys.parsePublicKeyPem(added.getPublicKeyPem())).isEqualTo(key.publicKey());
    assertThat(added.getAddedBy()).isEqualTo("CN=admin,OU=person,O=Convoy");
    assertThat(added.getAddedAt().getSeconds()).isEqualTo(server.clock.instant().getEpochSecond());
    server.restart();
    assertThat(listed()).containsExactly(added);
  }

  @Test
  void addPublisherKey_sameKeyTwice_alreadyExists() {
    PublisherKeyPair key = PublisherKeys.generate();
    trust(server, "first", key);

    String message = assertStatus(() -> trust(server, "again", key), Status.Code.ALREADY_EXISTS);

    assertThat(message).contains(key.publicKey().id().display()).contains("trusted already");
    assertThat(listed()).extracting(PublisherKey::getName).containsExactly("first");
  }

  @Test
  void addPublisherKey_notAnEd25519PublicKey_invalidArgument() {
    String ecPem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(KeyPairs.newP256().getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    AddPublisherKeyRequest ec = AddPublisherKeyRequest.newBuilder().setName("ec").setPublicKeyPem(ecPem).build();
    AddPublisherKeyRequest garbage = ec.toBuilder().setPublicKeyPem("hello").build();
    AddPublisherKeyRequest privateKey = ec.toBuilder()
        .setPublicKeyPem(PublisherKeys.privateKeyPem(PublisherKeys.generate())).build();
    AddPublisherKeyRequest noName = ec.toBuilder().setName("")
        .setPublicKeyPem(PublisherKeys.publicKeyPem(PublisherKeys.generate().publicKey())).build();

    assertThat(assertStatus(() -> server.adminStub().addPublisherKey(ec), Status.Code.INVALID_ARGUMENT))
        .startsWith("public_key_pem: ").contains("Ed25519");
    assertThat(assertStatus(() -> server.adminStub().addPublisherKey(garbage), Status.Code.INVALID_ARGUMENT))
        .startsWith("public_key_pem: ");
    assertThat(assertStatus(() -> server.adminStub().addPublisherKey(privateKey), Status.Code.INVALID_ARGUMENT))
        .startsWith("public_key_pem: ");
    assertThat(assertStatus(() -> server.adminStub().addPublisherKey(noName), Status.Code.INVALID_ARGUMENT))
        .startsWith("name: empty");
    assertThat(listed()).isEmpty();
  }

  @Test
  void removePublisherKey_trusted_removedAndReturned() throws Exception {
    PublisherKey kept = trust(server, "kept", PublisherKeys.generate());
    PublisherKey gone = trust(server, "gone", PublisherKeys.generate());

    PublisherKey removed = server.adminStub().removePublisherKey(
        RemovePublisherKeyRequest.newBuilder().setKeyId(gone.getKeyId()).build());

    assertThat(removed).isEqualTo(gone);
    server.restart();
    assertThat(listed()).containsExactly(kept);
  }

  @Test
  void removePublisherKey_unknownOrMalformedId_notFoundOrInvalidArgument() {
    String unknown = PublisherKeys.generate().publicKey().id().hex();

    assertThat(assertStatus(() -> server.adminStub().removePublisherKey(
        RemovePublisherKeyRequest.newBuilder().setKeyId(unknown).build()), Status.Code.NOT_FOUND))
        .isEqualTo("key_id: " + unknown + " is not a trusted publisher key (see convoy publisher list)");
    assertThat(assertStatus(() -> server.adminStub().removePublisherKey(
        RemovePublisherKeyRequest.newBuilder().setKeyId("abc").build()), Status.Code.INVALID_ARGUMENT))
        .startsWith("key_id: ");
  }

  @Test
  void publisherKeyCalls_personWithoutAdminRole_permissionDenied() {
    Identity stranger = ServerPki.load(dir.resolve("pki"), server.clock).issuePersonIdentity("mallory");
    var stub = AdminServiceGrpc.newBlockingStub(server.channel(stranger)).withDeadlineAfter(30, TimeUnit.SECONDS);
    String pem = PublisherKeys.publicKeyPem(PublisherKeys.generate().publicKey());

    assertStatus(() -> stub.addPublisherKey(AddPublisherKeyRequest.newBuilder().setName("x").setPublicKeyPem(pem)
        .build()), Status.Code.PERMISSION_DENIED);
    assertStatus(() -> stub.listPublisherKeys(ListPublisherKeysRequest.getDefaultInstance()),
        Status.Code.PERMISSION_DENIED);
    assertStatus(() -> stub.removePublisherKey(RemovePublisherKeyRequest.newBuilder()
        .setKeyId("0".repeat(64)).build()), Status.Code.PERMISSION_DENIED);
    assertThat(listed()).isEmpty();
  }

  @Test
  void sync_trustedKeys_carriedInEveryDesiredState() {
    Identity endpoint = server.enroll("lab", "pc-1");
    SyncRequest sync = SyncRequest.newBuilder().setEndpointId(TestServer.endpointId(endpoint)).build();
    assertThat(server.agentStub(endpoint).sync(sync).getTrustedPublisherKeysList()).isEmpty();
    PublisherKey key = trust(server, "IT packaging", PublisherKeys.generate());

    DesiredState desired = server.agentStub(endpoint).sync(sync);

    assertThat(desired.getTrustedPublisherKeysList()).containsExactly(key);
    server.adminStub().removePublisherKey(RemovePublisherKeyRequest.newBuilder().setKeyId(key.getKeyId()).build());
    assertThat(server.agentStub(endpoint).sync(sync).getTrustedPublisherKeysList()).isEmpty();
  }
}
