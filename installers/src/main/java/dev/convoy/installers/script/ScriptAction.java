package dev.convoy.installers.script;

import java.util.Locale;

/** Why a script runs; it sees this as {@code CONVOY_ACTION} ({@code install}, {@code rollback}, ...). */
public enum ScriptAction {
  DETECT, INSTALL, VERIFY, ROLLBACK, UNINSTALL;

  /** The value of {@code CONVOY_ACTION}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
