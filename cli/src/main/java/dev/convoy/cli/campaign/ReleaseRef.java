package dev.convoy.cli.campaign;

import picocli.CommandLine;

/** A release named {@code NAME@VERSION}, as {@code --release} takes it. */
public record ReleaseRef(String name, String version) {
  public ReleaseRef {
    if (name == null || name.isBlank() || version == null || version.isBlank()) {
      throw new IllegalArgumentException("release: '" + name + "@" + version + "' (expected: NAME@VERSION)");
    }
  }

  /** Parses {@code hello-convoy@1.0.0}. @throws IllegalArgumentException naming the expected form */
  public static ReleaseRef parse(String text) {
    String value = text == null ? "" : text.trim();
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1 || value.indexOf('@') != at) {
      throw new IllegalArgumentException("'" + text + "' (expected: NAME@VERSION, e.g. hello-convoy@1.0.0)");
    }
    return new ReleaseRef(value.substring(0, at), value.substring(at + 1));
  }

  @Override
  public String toString() {
    return name + "@" + version;
  }

  /** picocli converter for {@code --release}. */
  public static final class Converter implements CommandLine.ITypeConverter<ReleaseRef> {
    @Override
    public ReleaseRef convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
