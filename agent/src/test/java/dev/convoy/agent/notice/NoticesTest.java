package dev.convoy.agent.notice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.deployment.DeploymentAction;
import dev.convoy.agent.deployment.DeploymentSpec;
import dev.convoy.agent.testing.TestRelease;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoticesTest {
  private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

  @TempDir
  Path root;

  private final DeploymentSpec spec = new DeploymentSpec("d-1", "cmp-1", TestRelease.described("hello", "1.0.0",
      "fake"), DeploymentAction.INSTALL, 1, false, TestRelease.keys());

  @Test
  void show_desktopFails_isLoggedAndTheNoticeStillKept() {
    NoticeBook book = new NoticeBook(root.resolve("notices.json"));
    Notices notices = new Notices(book, (t, m) -> {
      throw new IllegalStateException("notify-send: exited 1");
    }, Map.of(Notices.BUS_VARIABLE, "unix:path=/run/user/1000/bus"));

    notices.show(spec, T0);

    assertThat(new NoticeBook(root.resolve("notices.json")).all()).singleElement().satisfies(n -> {
      assertThat(n.title()).isEqualTo("Convoy will install hello 1.0.0"); // the default when the admin wrote none
      assertThat(n.shownAt()).isEqualTo(T0);
    });
  }

  @Test
  void show_sameDeploymentAgain_isNotShownTwice() {
    List<String> desktop = new CopyOnWriteArrayList<>();
    Notices notices = new Notices(new NoticeBook(root.resolve("notices.json")), (t, m) -> desktop.add(t),
        Map.of(Notices.BUS_VARIABLE, "x"));

    notices.show(spec, T0);
    notices.show(spec, T0.plusSeconds(60));

    assertThat(desktop).hasSize(1);
  }

  @Test
  void show_noSessionBus_neverCallsTheDesktop() {
    List<String> desktop = new CopyOnWriteArrayList<>();
    new Notices(new NoticeBook(root.resolve("notices.json")), (t, m) -> desktop.add(t), Map.of()).show(spec, T0);

    assertThat(desktop).isEmpty();
  }
}
