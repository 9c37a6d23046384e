package dev.convoy.installers;

/** Receives the human-readable lines an installer produces (its own messages and captured tool output). */
@FunctionalInterface
public interface InstallLog {
  void line(String text);
}
