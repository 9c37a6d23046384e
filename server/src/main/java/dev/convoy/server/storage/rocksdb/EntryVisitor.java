package dev.convoy.server.storage.rocksdb;

/** Receives the entries of a scan, in order; returns false to stop it. Keys and values are fresh copies. */
@FunctionalInterface
interface EntryVisitor {
  boolean visit(byte[] key, byte[] value);
}
