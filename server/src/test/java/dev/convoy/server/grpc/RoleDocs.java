package dev.convoy.server.grpc;

import dev.convoy.server.people.Permission;
import dev.convoy.server.people.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documented expectations the permission matrix test checks behaviour against: the README's role table
 * (permission × role, ✓) and docs/roles.md's RPC table (permission and scope kind per RPC).
 *
 * @param grants what each role grants, per the README
 * @param rpcs per RPC short name: its documented row
 */
record RoleDocs(Map<Role, Set<Permission>> grants, Map<String, Rpc> rpcs) {
  /** @param permission null for {@code any} (every known person) */
  /** @param anyOf the permissions of which one suffices; empty = any person */
  record Rpc(String name, Set<Permission> anyOf, String scope) {}

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static RoleDocs read() throws IOException {
    return new RoleDocs(roleTable(lines(ROOT.resolve("README.md"), "## Roles")),
        rpcTable(lines(ROOT.resolve("docs/roles.md"), "## RPCs")));
  }

  private static List<String> lines(Path file, String heading) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    int start = all.indexOf(heading);
    if (start < 0) {
      throw new IllegalStateException(file + ": no section '" + heading + "'");
    }
    List<String> section = new ArrayList<>();
    for (String line : all.subList(start + 1, all.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      section.add(line);
    }
    return section;
  }

  private static Map<Role, Set<Permission>> roleTable(List<String> section) {
    Map<Role, Set<Permission>> grants = new EnumMap<>(Role.class);
    List<Role> columns = null;
    for (String line : section) {
      List<String> cells = cells(line);
      if (cells.isEmpty() || cells.get(0).startsWith("---")) {
        continue;
      }
      if (cells.get(0).equals("permission")) {
        columns = cells.subList(1, cells.size()).stream().map(label -> Role.fromLabel(label)
            .orElseThrow(() -> new IllegalStateException("README role table: unknown role " + label))).toList();
        columns.forEach(role -> grants.put(role, EnumSet.noneOf(Permission.class)));
        continue;
      }
      if (columns == null) {
        continue;
      }
      Permission permission = permission(cells.get(0));
      for (int i = 0; i < columns.size(); i++) {
        if (i + 1 < cells.size() && cells.get(i + 1).equals("✓")) {
          grants.get(columns.get(i)).add(permission);
        }
      }
    }
    if (grants.keySet().size() != Role.values().length) {
      throw new IllegalStateException("README role table: columns " + grants.keySet() + " (expected: every role)");
    }
    return grants;
  }

  private static Map<String, Rpc> rpcTable(List<String> section) {
    Map<String, Rpc> rpcs = new LinkedHashMap<>();
    for (String line : section) {
      List<String> cells = cells(line);
      if (cells.size() < 3 || !cells.get(0).startsWith("`")) {
        continue;
      }
      String name = cells.get(0).replace("`", "");
      Set<Permission> anyOf = EnumSet.noneOf(Permission.class);
      if (!cells.get(1).equals("any")) {
        for (String label : cells.get(1).split(" or ")) {
          anyOf.add(permission(label.strip()));
        }
      }
      if (rpcs.put(name, new Rpc(name, anyOf, cells.get(2))) != null) {
        throw new IllegalStateException("docs/roles.md: two rows for " + name);
      }
    }
    return rpcs;
  }

  private static Permission permission(String label) {
    for (Permission permission : Permission.values()) {
      if (permission.label().equals(label)) {
        return permission;
      }
    }
    throw new IllegalStateException("unknown permission '" + label + "' in the docs");
  }

  private static List<String> cells(String line) {
    String trimmed = line.trim();
    if (!trimmed.startsWith("|")) {
      return List.of();
    }
    List<String> cells = new ArrayList<>();
    for (String cell : trimmed.substring(1).split("\\|", -1)) {
      cells.add(cell.trim());
    }
    if (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
      cells.remove(cells.size() - 1);
    }
    return cells;
  }

  /** Whether {@code role} may call {@code rpc} at all, per the docs. */
  boolean permits(Role role, Rpc rpc) {
    return rpc.anyOf().isEmpty() || rpc.anyOf().stream().anyMatch(grants.get(role)::contains);
  }
}
