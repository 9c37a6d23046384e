package dev.convoy.server.technician;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a runbook's Markdown into steps (docs/technician.md "Runbook convention"):
 * <ul>
 *   <li>if the document has level-2 headings ({@code ## Title}), each is a step and the text up to the next one is
 *       its body (text before the first heading is an introduction, not a step);
 *   <li>otherwise each top-level ordered list item ({@code 1. Title}, {@code 2) Title}) is a step; indented lines
 *       under it are its body;
 *   <li>the install step is the first one whose title holds the marker {@code [install]} (removed from the title),
 *       else the first one whose title starts with the word "Install"; without either the install runs once the
 *       whole runbook was walked.
 * </ul>
 * Stateless.
 */
public final class RunbookParser {
  /** The most steps kept; a longer runbook is cut (the rest is in the document). */
  public static final int MAX_STEPS = 100;
  static final String MARKER = "[install]";
  private static final Pattern HEADING = Pattern.compile("^##\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern ITEM = Pattern.compile("^(\\d{1,3})[.)]\\s+(.+)$");
  private static final Pattern INSTALL_WORD = Pattern.compile("^install\\b.*", Pattern.CASE_INSENSITIVE);

  private RunbookParser() {}

  public static Runbook parse(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return Runbook.NONE;
    }
    List<String> lines = markdown.replace("\r", "").lines().toList();
    boolean headings = lines.stream().anyMatch(l -> HEADING.matcher(l).matches());
    List<String[]> raw = headings ? split(lines, HEADING, 1) : split(lines, ITEM, 2);
    List<Runbook.Step> steps = new ArrayList<>();
    int marked = -1;
    int titled = -1;
    for (String[] step : raw.subList(0, Math.min(raw.size(), MAX_STEPS))) {
      String title = step[0];
      if (marked < 0 && title.toLowerCase(Locale.ROOT).contains(MARKER)) {
        marked = steps.size();
        title = title.replaceFirst("(?i)\\s*\\[install]\\s*", " ").trim();
      }
      if (titled < 0 && INSTALL_WORD.matcher(title).matches()) {
        titled = steps.size();
      }
      steps.add(new Runbook.Step(title.isEmpty() ? "Install" : title, step[1]));
    }
    return new Runbook(steps, marked >= 0 ? marked : titled);
  }

  /** Title and body of each block that starts with a line matching {@code start}. */
  private static List<String[]> split(List<String> lines, Pattern start, int titleGroup) {
    List<String[]> steps = new ArrayList<>();
    String title = null;
    StringBuilder body = new StringBuilder();
    for (String line : lines) {
      Matcher m = start.matcher(line);
      if (m.matches()) {
        if (title != null) {
          steps.add(new String[] {title, body.toString().strip()});
        }
        title = m.group(titleGroup).strip();
        body.setLength(0);
      } else if (title != null) {
        body.append(line.startsWith("   ") ? line.substring(3) : line).append('\n');
      }
    }
    if (title != null) {
      steps.add(new String[] {title, body.toString().strip()});
    }
    return steps;
  }
}
