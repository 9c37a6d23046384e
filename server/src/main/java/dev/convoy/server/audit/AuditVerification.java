package dev.convoy.server.audit;

/**
 * The outcome of {@link AuditLog#verify()}.
 *
 * @param entriesChecked entries read before the first bad one (all of them when ok)
 * @param firstBadSequence the sequence of the first bad entry (where the chain breaks); 0 when ok
 * @param reason why it is bad, e.g. {@code "hash mismatch (stored 1a2b…, computed 9f8e…)"}; empty when ok
 * @param headSequence the newest entry's sequence (0 for an empty log)
 * @param headHash the newest entry's hash, hex; record it elsewhere to anchor the log
 */
public record AuditVerification(boolean ok, long entriesChecked, long firstBadSequence, String reason,
    long headSequence, String headHash) {}
