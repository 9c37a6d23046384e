package dev.convoy.server.inventory;

/**
 * What a refresh request reached.
 *
 * @param requested endpoints asked for a full report now (their session is open)
 * @param offline endpoints not connected now; they send a full report when they next connect
 */
public record RefreshResult(int requested, int offline) {}
