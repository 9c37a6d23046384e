package dev.convoy.installers.detection;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.script.ProcessRunner;
import dev.convoy.installers.script.ScriptPayload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code file:<path>[:<expected>]}: the release is installed when the file {@code
 * managedRoot/<package>/current/<path>} exists and, when {@code expected} is given, its content (at most 64 KiB,
 * trimmed) matches it. {@code {version}} in {@code expected} stands for the release version.
 * <ul>
 *   <li>no expected: the file being there is enough;
 *   <li>{@code /regex/}: found in the content (multi-line); a first capturing group, when it matched, is the
 *       installed version, compared with the release version ({@code /^version=(.+)$/});
 *   <li>anything else: the whole trimmed content equals it ({@code {version}}: the file holds the version).
 * </ul>
 * A file that exists but does not match is another version (the first line of content is reported); no file
 * means not installed.
 *
 * @param path relative, without '.' or '..'; may not contain ':'
 * @param expected null, a literal or a {@code /regex/}
 */
public record FileRule(String path, String expected) implements DetectionRule {
  private static final int MAX_BYTES = 64 * 1024;

  public FileRule {
    ScriptPayload.requireRelative("detect file path", path);
  }

  static FileRule parse(String rest) {
    int colon = rest.indexOf(':');
    return colon < 0 ? new FileRule(rest, null) : new FileRule(rest.substring(0, colon), rest.substring(colon + 1));
  }

  @Override
  public Detection detect(InstallContext context, ProcessRunner runner) {
    Path base = context.managedRoot().resolve(context.packageName()).resolve("current");
    Path file = base.resolve(path);
    try {
      if (!Files.isRegularFile(file)) {
        context.log().line("detect file:" + path + ": no such file");
        return Detection.notInstalled();
      }
      if (!file.toRealPath().startsWith(base.toRealPath())) {
        throw new IllegalArgumentException("detect file:" + path + ": resolves to " + file.toRealPath()
            + " (expected: inside " + base + ")");
      }
      return match(read(file), context.version());
    } catch (IOException e) {
      throw new UncheckedIOException("detect file:" + path + ": " + e.getMessage(), e);
    }
  }

  private Detection match(String content, String version) {
    if (expected == null) {
      return Detection.same(version);
    }
    if (expected.length() >= 2 && expected.startsWith("/") && expected.endsWith("/")) {
      String regex = expected.substring(1, expected.length() - 1).replace("{version}", Pattern.quote(version));
      Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(content);
      if (m.find()) {
        String installed = m.groupCount() >= 1 && m.group(1) != null ? m.group(1).strip() : version;
        return installed.equals(version) ? Detection.same(version) : Detection.other(installed);
      }
    } else if (content.equals(expected.replace("{version}", version))) {
      return Detection.same(version);
    }
    return Detection.other(firstLine(content));
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8).strip();
    }
  }

  private static String firstLine(String content) {
    String line = content.lines().findFirst().orElse("").strip();
    return line.isEmpty() ? "(empty)" : line.length() <= 64 ? line : line.substring(0, 64) + "…";
  }
}
