package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.convoy.protocol.v1.IssueIdentityRequest;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListIdentitiesRequest;
import dev.convoy.protocol.v1.PersonInfo;
import dev.convoy.protocol.v1.RevokePersonRequest;
import dev.convoy.protocol.v1.ScopeSet;
import dev.convoy.protocol.v1.SetIdentityRequest;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.protocol.v1.WhoAmIResponse;
import dev.convoy.server.testing.TestPeople;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Identity;
import dev.convoy.transport.KeyPairs;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IssueIdentity, SetIdentity, ListIdentities and their lock-out rules, over real mTLS. */
class IdentityGrpcTest {
  @TempDir Path dir;
  private TestServer server;
  private AdminServiceBlockingStub admin;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
    admin = server.adminStub();
    server.enroll("lab", "pc-lab");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AdminServiceBlockingStub as(Identity identity) {
    return AdminServiceGrpc.newBlockingStub(server.channel(identity)).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static SetIdentityRequest.Builder set(String name) {
    return SetIdentityRequest.newBuilder().setName(name);
  }

  @Test
  void issue_newPerson_identityWorksForExactlyItsRoles() {
    Identity alice = TestPeople.issue(admin, "alice", List.of("technician"), List.of("lab"));

    WhoAmIResponse me = as(alice).whoAmI(WhoAmIRequest.getDefaultInstance());
    assertThat(me.getSubject()).isEqualTo("CN=alice,OU=person,O=Convoy");
    assertThat(me.getRolesList()).containsExactly("technician");
    assertThat(me.getScopesList()).containsExactly("lab");
    assertThat(me.getPermissionsList()).containsExactly("refresh-inventory", "technician-work", "view");
    assertThat(as(alice).listEndpoints(dev.convoy.protocol.v1.ListEndpointsRequest.getDefaultInstance())
        .getEndpointsCount()).isEqualTo(1);
    assertThat(assertStatus(() -> as(alice).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()),
        Status.Code.PERMISSION_DENIED)).contains("needs permission view-audit");
    var entries = admin.listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getEntriesList();
    assertThat(entries).anySatisfy(entry -> {
      assertThat(entry.getAction()).isEqualTo("person.register");
      assertThat(entry.getTarget()).isEqualTo("alice");
      assertThat(entry.getDetailsMap()).containsEntry("roles", "technician").containsEntry("scopes", "lab");
    });
  }

  @Test
  void issue_byTechnician_permissionDenied() {
    Identity tech = TestPeople.issue(admin, "tech", List.of("technician"), List.of());

    String message = assertStatus(() -> TestPeople.issue(as(tech), "mallory", List.of("admin"), List.of()),
        Status.Code.PERMISSION_DENIED);

    assertThat(message).contains("may not call IssueIdentity", "manage-identities");
    assertThat(admin.listIdentities(ListIdentitiesRequest.getDefaultInstance()).getPersonsList())
        .extracting(PersonInfo::getName).doesNotContain("mallory");
  }

  @Test
  void issue_existingPerson_addsCertificateKeepsRoles() {
    Identity first = TestPeople.issue(admin, "bob", List.of("observer"), List.of());
    Identity second = TestPeople.issue(admin, "bob", List.of(), List.of());

    assertThat(as(first).whoAmI(WhoAmIRequest.getDefaultInstance()).getRolesList()).containsExactly("observer");
    assertThat(as(second).whoAmI(WhoAmIRequest.getDefaultInstance()).getRolesList()).containsExactly("observer");
    PersonInfo bob = person("bob");
    assertThat(bob.getCertificateCount()).isEqualTo(2);
  }

  @Test
  void issue_invalidInput_invalidArgumentNamingTheField() {
    byte[] csr = Csr.create(KeyPairs.newP256(), "x");
    IssueIdentityRequest.Builder ok = IssueIdentityRequest.newBuilder().setName("carol").addRoles("observer")
        .setCsrDer(ByteString.copyFrom(csr));

    assertThat(assertStatus(() -> admin.issueIdentity(ok.clone().setName("Carol!").build()),
        Status.Code.INVALID_ARGUMENT)).startsWith("name: 'Carol!'");
    assertThat(assertStatus(() -> admin.issueIdentity(ok.clone().clearRoles().addRoles("boss").build()),
        Status.Code.INVALID_ARGUMENT)).startsWith("roles: 'boss' (expected: one of admin, release-manager");
    assertThat(assertStatus(() -> admin.issueIdentity(ok.clone().clearRoles().build()),
        Status.Code.INVALID_ARGUMENT)).startsWith("roles: none");
    assertThat(assertStatus(() -> admin.issueIdentity(ok.clone().setScopes(ScopeSet.newBuilder().addGroups("nope"))
        .build()), Status.Code.INVALID_ARGUMENT)).startsWith("scopes: nope (expected: the name of an existing");
    assertThat(assertStatus(() -> admin.issueIdentity(ok.clone().setEmail("not an address").build()),
        Status.Code.INVALID_ARGUMENT)).startsWith("email: 'not an address'");
    assertThat(assertStatus(() -> admin.issueIdentity(ok.clone().setCsrDer(ByteString.copyFromUtf8("junk")).build()),
        Status.Code.INVALID_ARGUMENT)).startsWith("csr_der");
    assertThat(admin.listIdentities(ListIdentitiesRequest.getDefaultInstance()).getPersonsList())
        .extracting(PersonInfo::getName).containsExactly("admin");
  }

  @Test
  void set_ownAdminRole_refused() {
    String message = assertStatus(() -> admin.setIdentity(set("admin").addRoles("observer").build()),
        Status.Code.FAILED_PRECONDITION);

    assertThat(message).contains("you cannot remove your own admin role");
    assertThat(person("admin").getRolesList()).containsExactly("admin");
  }

  @Test
  void set_lastUnscopedAdmin_cannotTakeAScope() {
    String message = assertStatus(() -> admin.setIdentity(set("admin")
        .setScopes(ScopeSet.newBuilder().addGroups("lab")).build()), Status.Code.FAILED_PRECONDITION);

    assertThat(message).contains("admin is the last unrevoked admin without scope");
    assertThat(person("admin").getScopesList()).isEmpty();
  }

  @Test
  void set_anotherUnscopedAdminExists_adminMayBeDemoted() {
    Identity second = TestPeople.issue(admin, "second", List.of("admin"), List.of());

    PersonInfo demoted = as(second).setIdentity(set("admin").addRoles("observer").build());

    assertThat(demoted.getRolesList()).containsExactly("observer");
    assertThat(assertStatus(() -> as(second).setIdentity(set("second").addRoles("observer").build()),
        Status.Code.FAILED_PRECONDITION)).contains("cannot remove your own admin role");
  }

  @Test
  void set_rolesAndScopes_changedAuditedAndEffective() {
    Identity dave = TestPeople.issue(admin, "dave", List.of("observer"), List.of());

    PersonInfo changed = admin.setIdentity(set("dave").addRoles("release-manager")
        .setScopes(ScopeSet.newBuilder().addGroups("lab")).setEmail("dave@example.org").build());

    assertThat(changed.getRolesList()).containsExactly("release-manager");
    assertThat(changed.getScopesList()).containsExactly("lab");
    assertThat(as(dave).whoAmI(WhoAmIRequest.getDefaultInstance()).getPermissionsList()).contains("run-campaigns");
    assertThat(admin.listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getEntriesList())
        .anySatisfy(entry -> assertThat(entry.getDetailsMap()).containsEntry("previous_roles", "observer")
            .containsEntry("roles", "release-manager").containsEntry("email", "dave@example.org"));
  }

  @Test
  void scopedAdmin_issuesOnlyWithinTheirGroups() {
    Identity siteAdmin = TestPeople.issue(admin, "site-admin", List.of("admin"), List.of("lab"));

    assertThat(assertStatus(() -> TestPeople.issue(as(siteAdmin), "eve", List.of("observer"), List.of()),
        Status.Code.PERMISSION_DENIED)).contains("outside the caller's scope (groups lab)");
    assertStatus(() -> as(siteAdmin).setIdentity(set("site-admin").setScopes(ScopeSet.getDefaultInstance())
        .build()), Status.Code.PERMISSION_DENIED);
    assertStatus(() -> as(siteAdmin).setIdentity(set("admin").addRoles("observer").build()),
        Status.Code.PERMISSION_DENIED);
    TestPeople.issue(as(siteAdmin), "frank", List.of("technician"), List.of("lab"));
    assertThat(person("frank").getScopesList()).containsExactly("lab");
  }

  @Test
  void issue_revokedPerson_failedPrecondition() {
    TestPeople.issue(admin, "gone", List.of("observer"), List.of());
    admin.revokePerson(RevokePersonRequest.newBuilder().setName("gone").build());

    assertThat(assertStatus(() -> TestPeople.issue(admin, "gone", List.of(), List.of()),
        Status.Code.FAILED_PRECONDITION)).contains("was revoked");
    assertThat(person("gone").getRevoked()).isTrue();
  }

  private PersonInfo person(String name) {
    return admin.listIdentities(ListIdentitiesRequest.getDefaultInstance()).getPersonsList().stream()
        .filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
  }
}
