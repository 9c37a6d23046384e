package dev.convoy.server.group;

import dev.convoy.server.campaign.DynamicGroups;
import dev.convoy.server.common.Require;
import dev.convoy.server.endpoint.EndpointNames;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.endpoint.EndpointView;
import dev.convoy.server.enrollment.EnrollmentToken;
import dev.convoy.server.enrollment.TokenStore;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.InventoryService;
import dev.convoy.server.inventory.query.Path;
import dev.convoy.server.inventory.query.Query;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static groups (the enrollment groups) and dynamic groups (an inventory query; members are the enrolled,
 * non-revoked endpoints it matches now). Resolves {@code group:NAME} campaign targets for {@link DynamicGroups}.
 * A name used by both kinds (possible only if a token is created for a dynamic group's name at the very moment the
 * group is created) selects the union.
 *
 * <p>Thread-safe: creations are serialised; the parsed dynamic groups are cached and replaced on change.
 */
public final class GroupService implements DynamicGroups {
  private static final Logger logger = LoggerFactory.getLogger(GroupService.class);
  public static final int MAX_DESCRIPTION = 1_000;

  /** A dynamic group with its parsed query and the paths it reads. */
  record Definition(Group group, Query query, Set<Path> paths) {}

  private final GroupStore groups;
  private final TokenStore tokens;
  private final EndpointService endpoints;
  private final InventoryService inventory;
  private final Storage storage;
  private final Clock clock;
  private final Object createLock = new Object();
  private volatile Map<String, Definition> definitions;

  public GroupService(GroupStore groups, TokenStore tokens, EndpointService endpoints, InventoryService inventory,
      Storage storage, Clock clock) {
    this.groups = groups;
    this.tokens = tokens;
    this.endpoints = endpoints;
    this.inventory = inventory;
    this.storage = storage;
    this.clock = clock;
    this.definitions = load();
  }

  /**
   * Creates a dynamic group.
   *
   * @throws ConvoyException INVALID_ARGUMENT for a malformed name, description or query (with the column of a syntax
   *     error); ALREADY_EXISTS if a dynamic group has that name, or a static group does (an enrollment token or an
   *     endpoint uses it)
   */
  public Group create(String name, String query, String description, String createdBy) {
    EndpointNames.requireGroup("name", name);
    Query parsed = InventoryService.parse("query", query);
    String text = Require.optionalText("description", description, MAX_DESCRIPTION);
    Group group;
    synchronized (createLock) {
      if (groups.find(name).isPresent()) {
        throw ConvoyException.alreadyExists("name: dynamic group " + name + " exists already");
      }
      if (staticGroupNames().contains(name)) {
        throw ConvoyException.alreadyExists("name: " + name + " is a static (enrollment) group (expected: a name"
            + " that no enrollment token or endpoint uses)");
      }
      group = new Group(name, true, query, text, createdBy, clock.instant());
      ChangeSet changes = storage.begin();
      groups.put(changes, group);
      storage.commit(changes);
      definitions = load();
    }
    logger.info("dynamic group created group={} query={} by={}", name, parsed, createdBy);
    return group;
  }

  /** Whether a dynamic group is called {@code name}. */
  public boolean isDynamic(String name) {
    return definitions.containsKey(name);
  }

  /** Whether a static (enrollment) or dynamic group called {@code name} exists. */
  public boolean exists(String name) {
    return definitions.containsKey(name) || staticGroupNames().contains(name);
  }

  /** Every group, static and dynamic, with its member count now, by name. */
  public List<GroupSummary> list() {
    List<EndpointView> enrolled = enrolled();
    Set<String> ids = enrolled.stream().map(v -> v.endpoint().id()).collect(Collectors.toSet());
    Map<String, Long> staticCounts = enrolled.stream()
        .collect(Collectors.groupingBy(v -> v.endpoint().group(), Collectors.counting()));
    List<GroupSummary> summaries = new ArrayList<>();
    for (String name : staticGroupNames()) {
      if (!definitions.containsKey(name)) {
        summaries.add(new GroupSummary(Group.enrollmentGroup(name), staticCounts.getOrDefault(name, 0L).intValue()));
      }
    }
    for (Definition definition : definitions.values()) {
      String name = definition.group().name();
      Set<String> members = new TreeSet<>(inventory.members(definition.query()));
      members.retainAll(ids);
      enrolled.stream().filter(v -> v.endpoint().group().equals(name)).forEach(v -> members.add(v.endpoint().id()));
      summaries.add(new GroupSummary(definition.group(), members.size()));
    }
    summaries.sort((a, b) -> a.group().name().compareTo(b.group().name()));
    return summaries;
  }

  /**
   * The group and its members now.
   *
   * @throws ConvoyException INVALID_ARGUMENT for a malformed name; NOT_FOUND if no group has that name
   */
  public GroupView get(String name) {
    EndpointNames.requireGroup("name", name);
    Definition definition = definitions.get(name);
    List<EndpointView> enrolled = enrolled();
    Set<String> matched = definition == null ? Set.of() : inventory.members(definition.query());
    List<EndpointView> members = enrolled.stream()
        .filter(v -> v.endpoint().group().equals(name) || matched.contains(v.endpoint().id()))
        .toList();
    if (definition != null) {
      return new GroupView(definition.group(), members);
    }
    if (!members.isEmpty() || staticGroupNames().contains(name)) {
      return new GroupView(Group.enrollmentGroup(name), members);
    }
    throw ConvoyException.notFound("name: no group " + name + " (expected: a static or a dynamic group)");
  }

  @Override
  public Optional<Set<String>> members(String group) {
    return Optional.ofNullable(definitions.get(group)).map(definition -> inventory.members(definition.query()));
  }

  /** The dynamic groups, parsed. */
  Collection<Definition> definitions() {
    return definitions.values();
  }

  /** Names used by enrollment tokens or enrolled endpoints, sorted. */
  private Set<String> staticGroupNames() {
    Set<String> names = new TreeSet<>();
    tokens.list().stream().map(EnrollmentToken::group).forEach(names::add);
    endpoints.list().forEach(view -> names.add(view.endpoint().group()));
    return names;
  }

  private List<EndpointView> enrolled() {
    return endpoints.list().stream().filter(v -> !v.endpoint().revoked()).toList();
  }

  private Map<String, Definition> load() {
    Map<String, Definition> loaded = new TreeMap<>();
    for (Group group : groups.list()) {
      try {
        Query query = Query.parse(group.query());
        loaded.put(group.name(), new Definition(group, query, query.paths()));
      } catch (IllegalArgumentException e) {
        logger.error("dynamic group ignored: its query no longer parses group={} reason={}", group.name(),
            e.getMessage());
      }
    }
    return loaded;
  }
}
