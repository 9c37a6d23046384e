package dev.convoy.agent.technician;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.AgentMain;
import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.local.LocalRequestHandler;
import dev.convoy.agent.local.LocalSocketServer;
import dev.convoy.agent.notice.NoticeBook;
import dev.convoy.agent.testing.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The presence code over the real local socket and picocli command, and in the notice channel. */
class TechnicianCodeTest {
  private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
  @TempDir Path root;
  private final ManualClock clock = new ManualClock(T0);
  private final List<String> desktop = new CopyOnWriteArrayList<>();
  private NoticeBook book;
  private TechnicianVisits visits;
  private LocalSocketServer socket;

  @BeforeEach
  void setUp() throws Exception {
    DataDir dir = new DataDir(root);
    book = new NoticeBook(dir.notices());
    visits = new TechnicianVisits(book, (title, message) -> desktop.add(message), true, clock);
    socket = LocalSocketServer.start(dir.socket(), new LocalRequestHandler(null, book,
        new TechnicianCodeCommand(visits)));
  }

  @AfterEach
  void tearDown() {
    socket.close();
  }

  private String run() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = AgentMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), "technician-code", "--data",
        root.toString());
    assertThat(exit).as(err.toString()).isZero();
    return out.toString();
  }

  private static TechnicianVisit visit(String code, String codeId) {
    return new TechnicianVisit("dep-1", "hello", "1.0.0", "tina", code, codeId, T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void technicianCode_claimed_printedAndShownOnceInNoticesAndDesktop() {
    assertThat(run()).isEqualTo("no technician is expected\n");

    visits.observe(List.of(visit("K7QD-2M9X", "code-1")));
    visits.observe(List.of(visit("K7QD-2M9X", "code-1")));

    assertThat(run()).isEqualTo("Technician tina is coming for hello 1.0.0; code: K7QD-2M9X (valid until "
        + "2026-12-05T08:05:00Z)\n");
    assertThat(book.all()).hasSize(1);
    assertThat(book.all().get(0).message()).startsWith("Technician tina is coming for hello 1.0.0; code: K7QD-2M9X");
    assertThat(desktop).hasSize(1);
  }

  @Test
  void technicianCode_serverRestartedWithoutClearCode_keepsTheOneShown() {
    visits.observe(List.of(visit("K7QD-2M9X", "code-1")));
    visits.observe(List.of(visit("", "code-1")));

    assertThat(run()).contains("code: K7QD-2M9X");
  }

  @Test
  void technicianCode_arrivedNewClaimOrExpired_updated() {
    visits.observe(List.of(visit("K7QD-2M9X", "code-1")));
    visits.observe(List.of(visit("AB12-CD34", "code-2")));
    assertThat(run()).contains("code: AB12-CD34").doesNotContain("K7QD");
    assertThat(desktop).hasSize(2);

    clock.advance(Duration.ofMinutes(6));
    assertThat(run()).isEqualTo("no technician is expected\n");
    visits.observe(List.of());
    clock.set(T0);
    assertThat(run()).isEqualTo("no technician is expected\n");
  }
}
