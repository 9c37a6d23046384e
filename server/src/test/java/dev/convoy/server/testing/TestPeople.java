package dev.convoy.server.testing;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.IssueIdentityRequest;
import dev.convoy.protocol.v1.IssueIdentityResponse;
import dev.convoy.protocol.v1.ScopeSet;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Identity;
import dev.convoy.transport.KeyPairs;
import dev.convoy.transport.Pem;
import java.security.KeyPair;
import java.util.List;

/** Issues person identities the way {@code convoy identity issue} does: key pair here, CSR to IssueIdentity. */
public final class TestPeople {
  private TestPeople() {}

  /** Issues {@code name} with {@code roles} (labels) and {@code scopes} (empty: no scope) as {@code issuer}. */
  public static Identity issue(AdminServiceGrpc.AdminServiceBlockingStub issuer, String name, List<String> roles,
      List<String> scopes) {
    KeyPair keys = KeyPairs.newP256();
    IssueIdentityRequest.Builder request = IssueIdentityRequest.newBuilder().setName(name).addAllRoles(roles)
        .setCsrDer(ByteString.copyFrom(Csr.create(keys, name)));
    if (!scopes.isEmpty()) {
      request.setScopes(ScopeSet.newBuilder().addAllGroups(scopes));
    }
    IssueIdentityResponse response = issuer.issueIdentity(request.build());
    return new Identity(keys.getPrivate(), Pem.certificate(response.getCertificatePem()),
        Pem.certificate(response.getCaCertificatePem()));
  }
}
