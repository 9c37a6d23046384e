package dev.convoy.cli.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.testing.FakeNotifications;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotificationsCommandsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();
  private FakeNotifications outbox;

  @BeforeEach
  void entries() {
    outbox = admin.service().notifications;
    outbox.add("campaign.started", "webhook:ops", false, "cannot connect to hooks.example.org:443");
    outbox.add("campaign.paused", "mail:desk@example.org", true, "HTTP 400 (the receiver refused the event)");
  }

  @Test
  void list_table_pendingAndDeadWithErrors() {
    Result result = admin.run("notifications", "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("ID", "STATUS", "campaign.started", "pending", "webhook:ops",
        "cannot connect", "dead", "mail:desk@example.org", "2 undelivered, 1 dead");
  }

  @Test
  void list_failedManyPages_sentToServerAndAllShown() {
    outbox.pageSize = 2;
    for (int i = 0; i < 4; i++) {
      outbox.add("campaign.completed", "webhook:ops", true, "HTTP 410");
    }

    Result result = admin.run("notifications", "list", "--failed", "--output", "csv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().toList()).hasSize(6).first().asString().startsWith("id,event_id,kind");
    assertThat(result.out()).doesNotContain("campaign.started");
    assertThat(outbox.listRequests).hasSize(3).allMatch(r -> r.getFailedOnly());
  }

  @Test
  void retry_deadLetter_pendingAgain() {
    Result result = admin.run("notifications", "retry", "2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Notification 2 (campaign.paused of cmp-0123456789abcdef to "
        + "mail:desk@example.org) is pending again");
    assertThat(outbox.entries.get(1).getDead()).isFalse();
  }

  @Test
  void retry_pendingOrUnknown_failsWithTheServersReason() {
    Result pending = admin.run("notifications", "retry", "1");
    Result unknown = admin.run("notifications", "retry", "99");

    assertThat(pending.exitCode()).isNotZero();
    assertThat(pending.err()).contains("notification 1 is pending");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("notification id: 99 not found");
  }
}
