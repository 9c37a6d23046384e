package dev.convoy.server.people;

import java.util.Locale;

/**
 * A capability an administrative call needs. {@link Role}s grant sets of them; each RPC names the one it needs (see
 * {@code dev.convoy.server.grpc.MethodPermissions}). Scope (groups) is checked separately, on what the call names.
 */
public enum Permission {
  /** Read campaigns, releases, documents, knowledge base, endpoints, groups, inventory, compliance. */
  VIEW,
  /** Read and verify the audit log. */
  VIEW_AUDIT,
  /** Create enrollment tokens. */
  ENROLL,
  /** Publish releases to the catalogue. */
  PUBLISH,
  /** Create groups. */
  MANAGE_GROUPS,
  /** Create, start and control campaigns; set their RACI. */
  RUN_CAMPAIGNS,
  /** Approve, acknowledge, waive — as the RACI names the person. */
  APPROVE,
  /** Ask endpoints to send their inventory now. */
  REFRESH_INVENTORY,
  /** Claim and run technician-assisted installs. */
  TECHNICIAN_WORK,
  /** Issue and revoke identities (persons, endpoints), trust publisher keys, manage notification channels. */
  MANAGE_IDENTITIES;

  /** The name as shown, e.g. {@code run-campaigns}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
