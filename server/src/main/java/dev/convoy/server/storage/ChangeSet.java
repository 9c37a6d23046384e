package dev.convoy.server.storage;

/**
 * Writes staged by a domain service across one or more stores, applied together, atomically and durably, by
 * {@link Storage#commit}. Stores add to it through their own {@code put(ChangeSet, ...)} methods; domain code
 * only passes it along. A change set is used by one thread and committed at most once.
 *
 * <p>Example: redeeming an enrollment token decrements the token and records the new endpoint in one change set,
 * so a crash can never leave an endpoint without its token use, or a use without its endpoint.
 */
public interface ChangeSet {}
