package dev.convoy.server.inventory;

/** How one fact changed between two inventories of an endpoint. */
public enum ChangeKind {
  ADDED,
  CHANGED,
  REMOVED
}
