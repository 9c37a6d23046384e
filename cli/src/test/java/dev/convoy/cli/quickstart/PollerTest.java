package dev.convoy.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.cli.CommandFailedException;
import dev.convoy.cli.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
  private final AtomicInteger sleeps = new AtomicInteger();
  private final Poller poller = new Poller(clock, d -> {
    sleeps.incrementAndGet();
    clock.advance(d);
  }, Duration.ofMillis(250));

  @Test
  void await_conditionBecomesTrue_returnsItsValue() throws Exception {
    AtomicInteger polls = new AtomicInteger();

    String value = poller.await("the third poll", Duration.ofSeconds(60),
        () -> polls.incrementAndGet() == 3 ? Optional.of("ready") : Optional.empty());

    assertThat(value).isEqualTo("ready");
    assertThat(sleeps).hasValue(2);
  }

  @Test
  void await_neverTrue_givesUpAtTheTimeoutByTheClock() {
    AtomicInteger polls = new AtomicInteger();

    assertThatThrownBy(() -> poller.await("server.port", Duration.ofSeconds(60), () -> {
      polls.incrementAndGet();
      return Optional.empty();
    })).isInstanceOf(CommandFailedException.class).hasMessage("gave up after 60 s waiting for server.port");
    assertThat(polls).hasValue(241); // at 0 s, every 250 ms, and once more at 60 s
  }

  @Test
  void await_probeThrows_stopsAtOnce() {
    assertThatThrownBy(() -> poller.await("x", Duration.ofSeconds(60), () -> {
      throw new CommandFailedException("convoy-server exited");
    })).hasMessage("convoy-server exited");
    assertThat(sleeps).hasValue(0);
  }
}
