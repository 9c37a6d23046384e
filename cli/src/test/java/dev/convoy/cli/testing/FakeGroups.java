package dev.convoy.cli.testing;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.CreateGroupRequest;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.GetGroupRequest;
import dev.convoy.protocol.v1.Group;
import dev.convoy.protocol.v1.GroupMembers;
import dev.convoy.protocol.v1.ListGroupsResponse;
import dev.convoy.server.inventory.query.Query;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The group half of {@link FakeAdminService}: static groups are the {@code group} of enrolled endpoints; dynamic
 * ones are stored with their query, and their members are the endpoints whose inventory matches it now.
 * Thread-safe.
 */
public final class FakeGroups {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Dynamic groups by name. */
  public final Map<String, Group> dynamic = new TreeMap<>();
  private final Supplier<List<Endpoint>> endpoints;
  private final FakeInventory inventory;

  FakeGroups(Supplier<List<Endpoint>> endpoints, FakeInventory inventory) {
    this.endpoints = endpoints;
    this.inventory = inventory;
  }

  synchronized Group create(CreateGroupRequest request) {
    inventory.requests.add(request);
    if (!NAME.matcher(request.getName()).matches()) {
      throw Status.INVALID_ARGUMENT.withDescription("group name: '" + request.getName()
          + "' (expected: [a-z0-9][a-z0-9._-]{0,63})").asRuntimeException();
    }
    FakeInventory.parse(request.getQuery());
    if (dynamic.containsKey(request.getName()) || staticNames().contains(request.getName())) {
      throw Status.ALREADY_EXISTS.withDescription("group " + request.getName() + " already exists")
          .asRuntimeException();
    }
    Group group = Group.newBuilder().setName(request.getName()).setDynamic(true).setQuery(request.getQuery())
        .setDescription(request.getDescription()).setCreatedBy("CN=admin,OU=person,O=Convoy")
        .setCreatedAt(Timestamp.newBuilder().setSeconds(InProcessAdmin.NOW.getEpochSecond())).build();
    dynamic.put(group.getName(), group);
    return withCount(group);
  }

  synchronized ListGroupsResponse list() {
    Map<String, Group> all = new TreeMap<>();
    for (String name : staticNames()) {
      all.put(name, withCount(Group.newBuilder().setName(name).build()));
    }
    dynamic.values().forEach(g -> all.put(g.getName(), withCount(g)));
    return ListGroupsResponse.newBuilder().addAllGroups(all.values()).build();
  }

  synchronized GroupMembers get(GetGroupRequest request) {
    inventory.requests.add(request);
    Group group = list().getGroupsList().stream().filter(g -> g.getName().equals(request.getName())).findFirst()
        .orElseThrow(() -> Status.NOT_FOUND.withDescription("group " + request.getName() + " not found")
            .asRuntimeException());
    return GroupMembers.newBuilder().setGroup(group).addAllMembers(members(group)).build();
  }

  private Group withCount(Group group) {
    return group.toBuilder().setMemberCount(members(group).size()).build();
  }

  private List<Endpoint> members(Group group) {
    if (!group.getDynamic()) {
      return endpoints.get().stream().filter(e -> e.getGroup().equals(group.getName())).toList();
    }
    Query query = Query.parse(group.getQuery());
    return endpoints.get().stream().filter(e -> inventory.matches(query, e.getEndpointId())).toList();
  }

  private TreeSet<String> staticNames() {
    TreeSet<String> names = new TreeSet<>();
    endpoints.get().forEach(e -> names.add(e.getGroup()));
    return names;
  }
}
