package dev.convoy.server.endpoint;

import dev.convoy.server.common.Require;
import java.util.regex.Pattern;

/** The forms of endpoint ids and group names, and their checks (INVALID_ARGUMENT naming the field). */
public final class EndpointNames {
  /** {@code ep-} and 16 lowercase hex digits, chosen by the server at enrollment. */
  public static final Pattern ENDPOINT_ID = Pattern.compile("ep-[0-9a-f]{16}");
  public static final String ENDPOINT_ID_FORM = "ep- followed by 16 lowercase hex digits";
  /** Group names: lowercase, digits, {@code . _ -}; up to 64 characters. */
  public static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  public static final String GROUP_FORM = "[a-z0-9][a-z0-9._-]{0,63}";

  private EndpointNames() {}

  public static String requireEndpointId(String field, String value) {
    return Require.matches(field, value, ENDPOINT_ID, ENDPOINT_ID_FORM);
  }

  public static String requireGroup(String field, String value) {
    return Require.matches(field, value, GROUP, GROUP_FORM);
  }
}
