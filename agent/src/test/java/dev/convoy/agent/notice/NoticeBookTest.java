package dev.convoy.agent.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoticeBookTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123Z");
  private static final DeliveredNotice FULL = new DeliveredNotice("dep-1", "cmp-1", "Firefox ESR", "install",
      "firefox-esr", "128.5.0", "Firefox is being updated", "Save your work \"now\" <b> &amp; = 'ok'\nthanks", T0);
  private static final DeliveredNotice SPARSE = new DeliveredNotice("dep-2", null, null, "uninstall", "tool", "1.0",
      "Tool removed", "bye", T0.plusSeconds(60));

  @TempDir
  Path root;

  @Test
  void add_thenReopen_sameNoticesInOrder() {
    NoticeBook book = new NoticeBook(root.resolve("notices.json"));
    book.add(FULL);
    book.add(SPARSE);

    assertThat(new NoticeBook(root.resolve("notices.json")).all()).containsExactly(FULL, SPARSE);
  }

  @Test
  void write_sameTextAsTheReflectiveGsonFormWrittenBefore() throws Exception {
    // what earlier agents wrote: Gson with pretty printing over a record of the fields, shownAt as text
    String before = new GsonBuilder().setPrettyPrinting().create().toJson(List.of(gsonForm(FULL), gsonForm(SPARSE)));

    assertThat(NoticeBook.write(List.of(FULL, SPARSE))).isEqualTo(before);
  }

  @Test
  void open_fileWrittenByEarlierAgent_readsItsNotices() throws Exception {
    Path file = root.resolve("notices.json");
    Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(List.of(gsonForm(FULL),
        gsonForm(SPARSE))), StandardCharsets.UTF_8);

    assertThat(new NoticeBook(file).all()).containsExactly(FULL, SPARSE);
  }

  @Test
  void open_unknownFieldsAndNull_skippedOrEmpty() throws Exception {
    assertThat(NoticeBook.read("null")).isEmpty();
    assertThat(NoticeBook.read("[{\"deploymentId\":\"d\",\"extra\":{\"a\":[1,2]},\"shownAt\":\""
        + T0 + "\",\"count\":3}]")).singleElement().satisfies(n -> {
          assertThat(n.deploymentId()).isEqualTo("d");
          assertThat(n.shownAt()).isEqualTo(T0);
          assertThat(n.title()).isNull();
        });
  }

  @Test
  void open_malformedFile_startsEmpty() throws Exception {
    Path file = root.resolve("notices.json");
    Files.writeString(file, "[{\"deploymentId\":", StandardCharsets.UTF_8);

    assertThat(new NoticeBook(file).all()).isEmpty();
  }

  private static Map<String, String> gsonForm(DeliveredNotice n) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("deploymentId", n.deploymentId());
    form.put("campaignId", n.campaignId());
    form.put("campaignTitle", n.campaignTitle());
    form.put("action", n.action());
    form.put("packageName", n.packageName());
    form.put("version", n.version());
    form.put("title", n.title());
    form.put("message", n.message());
    form.put("shownAt", n.shownAt().toString());
    return form;
  }
}
