package dev.convoy.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.Execution;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.server.people.Role;
import dev.convoy.server.testing.TestPeople;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-hold 1 of issue 7: every AdminService method × every role × (unscoped, scope in, scope out) gives exactly
 * what the README's role table and docs/roles.md say: allowed (any status but PERMISSION_DENIED / UNAUTHENTICATED)
 * or PERMISSION_DENIED. The expectations are read from those two documents, and the methods from the service
 * descriptor, so a method added without a documented line, or docs that drift from behaviour, fail here. Each person
 * is real: a certificate from the server's CA (issued through IssueIdentity), real mTLS on loopback.
 */
class PermissionMatrixTest {
  private static final String IN = "lab";
  private static final String OUT = "office";

  @TempDir static Path dir;
  private static TestServer server;
  private static RoleDocs docs;
  private static final Map<Role, ManagedChannel> unscoped = new EnumMap<>(Role.class);
  private static final Map<Role, ManagedChannel> scoped = new EnumMap<>(Role.class);
  private static final Map<String, String> things = new java.util.HashMap<>();

  /** What a call names, in scope ({@value #IN}) and out of it ({@value #OUT}). */
  private enum Side { IN, OUT }

  @BeforeAll
  static void start() throws Exception {
    docs = RoleDocs.read();
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    var admin = server.adminStub();
    things.put("endpoint.IN", TestServer.endpointId(server.enroll(IN, "pc-lab")));
    things.put("endpoint.OUT", TestServer.endpointId(server.enroll(OUT, "pc-office")));
    SignedPublisher.trusted(server, dir.resolve("publisher")).publish("hello", "1.0.0");
    for (Side side : Side.values()) {
      String group = side == Side.IN ? IN : OUT;
      things.put("campaign." + side, admin.createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
          .setReleaseVersion("1.0.0").setTargets(Targets.newBuilder().addGroups(group)).build()).getCampaignId());
      TestPeople.issue(admin, "target-" + side.name().toLowerCase(), List.of("observer"),
          side == Side.IN ? List.of(IN) : List.of());
      things.put("person." + side, "target-" + side.name().toLowerCase());
      things.put("group." + side, group);
      // A technician job (issue 5) is a deployment of a started TECHNICIAN campaign at an endpoint of that side.
      String technician = admin.createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
          .setReleaseVersion("1.0.0").setExecution(Execution.TECHNICIAN)
          .setTargets(Targets.newBuilder().addGroups(group)).build()).getCampaignId();
      admin.startCampaign(StartCampaignRequest.newBuilder().setCampaignId(technician).build());
      things.put("job." + side, admin.getCampaignStatus(GetCampaignStatusRequest.newBuilder()
          .setCampaignId(technician).setEndpointId(things.get("endpoint." + side)).build())
          .getDeployments(0).getDeploymentId());
    }
    for (Role role : Role.values()) {
      unscoped.put(role, server.channel(TestPeople.issue(admin, "u-" + role.label(), List.of(role.label()),
          List.of())));
      scoped.put(role, server.channel(TestPeople.issue(admin, "s-" + role.label(), List.of(role.label()),
          List.of(IN))));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyMethod_everyRoleAndScope_asDocumented() throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (MethodDescriptor<?, ?> method : AdminServiceGrpc.getServiceDescriptor().getMethods()) {
      String name = method.getBareMethodName();
      RoleDocs.Rpc rpc = docs.rpcs().get(name);
      if (rpc == null) {
        mismatches.add(name + ": no line in docs/roles.md's RPC table (add its permission and scope kind)");
        continue;
      }
      for (Role role : Role.values()) {
        boolean permitted = docs.permits(role, rpc);
        check(mismatches, method, rpc, role + " unscoped", unscoped.get(role), Side.OUT, permitted);
        check(mismatches, method, rpc, role + " scoped, in", scoped.get(role), Side.IN,
            permitted && !rpc.scope().equals("unscoped"));
        check(mismatches, method, rpc, role + " scoped, out", scoped.get(role), Side.OUT,
            permitted && Set.of("—", "filtered").contains(rpc.scope()));
      }
    }
    assertThat(mismatches).as("differences from README 'Roles' and docs/roles.md").isEmpty();
  }

  @Test
  void docs_listOnlyMethodsTheServiceHas() {
    Set<String> methods = new java.util.HashSet<>();
    AdminServiceGrpc.getServiceDescriptor().getMethods().forEach(m -> methods.add(m.getBareMethodName()));

    assertThat(methods).containsAll(docs.rpcs().keySet());
  }

  private static void check(List<String> mismatches, MethodDescriptor<?, ?> method, RoleDocs.Rpc rpc, String who,
      ManagedChannel channel, Side side, boolean allowed) throws Exception {
    Message request = fill(prototype(method), rpc.scope(), side);
    Status status = call(channel, method, request);
    // Past the role gate, the RACI may still refuse a person it does not name (the go between waves is the
    // Accountable's): that refusal is the domain's, which RaciApprovalTest covers, not the role table's.
    boolean raciRefusal = status.getDescription() != null && status.getDescription().contains("as its Accountable");
    boolean refused = status.getCode() == Status.Code.PERMISSION_DENIED && !raciRefusal
        || status.getCode() == Status.Code.UNAUTHENTICATED;
    if (refused == allowed) {
      mismatches.add(rpc.name() + " as " + who + ": expected " + (allowed ? "allowed" : "PERMISSION_DENIED")
          + ", got " + status.getCode() + " " + status.getDescription());
    }
  }

  private static Message prototype(MethodDescriptor<?, ?> method) {
    return (Message) ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller()).getMessagePrototype();
  }

  /** The request naming something of {@code kind} on {@code side} of the scope (an empty request for other kinds). */
  static Message fill(Message prototype, String kind, Side side) {
    Message.Builder request = prototype.toBuilder();
    switch (kind) {
      case "endpoint" -> set(request, things.get("endpoint." + side), "endpoint_id", "endpoint_ids");
      case "group" -> set(request, things.get("group." + side), "group", "name");
      case "campaign" -> set(request, things.get("campaign." + side), "campaign_id");
      case "person" -> set(request, things.get("person." + side), "name");
      case "job" -> set(request, things.get("job." + side), "job_id");
      case "targets" -> request.setField(field(request, "targets"),
          Targets.newBuilder().addGroups(things.get("group." + side)).build());
      case "—", "filtered", "unscoped" -> { }
      default -> throw new IllegalStateException("docs/roles.md: scope kind '" + kind + "' is unknown to this test "
          + "(teach PermissionMatrixTest.fill how to name one in and out of scope)");
    }
    return request.build();
  }

  private static void set(Message.Builder request, String value, String... names) {
    for (String name : names) {
      FieldDescriptor field = request.getDescriptorForType().findFieldByName(name);
      if (field != null) {
        if (field.isRepeated()) {
          request.addRepeatedField(field, value);
        } else {
          request.setField(field, value);
        }
        return;
      }
    }
    throw new IllegalStateException(request.getDescriptorForType().getName() + ": none of the fields "
        + List.of(names));
  }

  private static FieldDescriptor field(Message.Builder request, String name) {
    FieldDescriptor field = request.getDescriptorForType().findFieldByName(name);
    if (field == null) {
      throw new IllegalStateException(request.getDescriptorForType().getName() + ": no field " + name);
    }
    return field;
  }

  /**
   * Calls any kind of method with one request message: its status, or OK as soon as a response arrives (a stream
   * that answered was allowed; it is cancelled then).
   */
  @SuppressWarnings("unchecked")
  static Status call(ManagedChannel channel, MethodDescriptor<?, ?> method, Message request) throws Exception {
    ClientCall<Object, Object> call = channel.newCall((MethodDescriptor<Object, Object>) method,
        CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS));
    CompletableFuture<Status> outcome = new CompletableFuture<>();
    call.start(new ClientCall.Listener<>() {
      @Override
      public void onMessage(Object message) {
        outcome.complete(Status.OK);
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        outcome.complete(status);
      }
    }, new Metadata());
    call.request(1);
    call.sendMessage(request);
    call.halfClose();
    Status status = outcome.get(30, TimeUnit.SECONDS);
    call.cancel("answered", null);
    return status;
  }
}
