package dev.convoy.cli.output;

/** How a listing or showing command prints its result. */
public enum OutputFormat {
  /** Aligned columns for people. Not stable: do not parse it. */
  TABLE,
  /** Protobuf JSON mapping (proto3 canonical, lowerCamelCase, every field printed): stable for scripts. */
  JSON,
  /** RFC 4180 CSV with a header row, one row per item: for spreadsheets and scripts. Commands that list items. */
  CSV
}
