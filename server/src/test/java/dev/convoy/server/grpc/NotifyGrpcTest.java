package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AuditEntry;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListNotificationsRequest;
import dev.convoy.protocol.v1.OutboxNotification;
import dev.convoy.protocol.v1.RetryNotificationRequest;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.server.testing.Await;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.server.testing.WebhookReceiver;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server with a notify section in server.properties: campaign changes made over the admin API reach a
 * loopback webhook; a refused one is a dead letter that ListNotifications shows and RetryNotification sends again.
 */
class NotifyGrpcTest {
  private static final String SECRET = "grpc-test-webhook-secret-0001";

  @TempDir Path dir;
  private TestServer server;
  private WebhookReceiver receiver;
  private AdminServiceGrpc.AdminServiceBlockingStub admin;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
    receiver = new WebhookReceiver(SECRET.getBytes(StandardCharsets.UTF_8), server.clock);
    Files.writeString(dir.resolve("ops.secret"), SECRET + "\n");
    Files.writeString(dir.resolve("server.properties"), "\nnotify.webhook.ops.url=" + receiver.url()
        + "\nnotify.webhook.ops.secret_file=ops.secret\nnotify.poll_interval=PT0.05S\n", StandardOpenOption.APPEND);
    server.restart();
    admin = server.adminStub();
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
  }

  private List<OutboxNotification> failed() {
    return admin.listNotifications(ListNotificationsRequest.newBuilder().setFailedOnly(true).build())
        .getNotificationsList();
  }

  @Test
  void campaignOverTheWire_webhookGetsEveryChange_deadLetterListedAndRetried() throws Exception {
    SignedPublisher.trusted(server, dir.resolve("publisher")).publish("hello", "1.0.0");
    server.enroll("lab", "pc-1");
    Campaign campaign = admin.createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
        .setReleaseVersion("1.0.0").setTitle("Hello").setTargets(Targets.newBuilder().addGroups("lab")).build());
    admin.startCampaign(StartCampaignRequest.newBuilder().setCampaignId(campaign.getCampaignId()).build());
    Await.until(() -> receiver.accepted().size() == 2);
    assertThat(receiver.acceptedKinds()).containsExactly("campaign.created", "campaign.started");

    receiver.status = 400;
    admin.pauseCampaign(CampaignCommandRequest.newBuilder().setCampaignId(campaign.getCampaignId())
        .setComment("on hold").build());
    Await.until(() -> failed().size() == 1);
    OutboxNotification dead = failed().get(0);
    assertThat(dead.getKind()).isEqualTo("campaign.paused");
    assertThat(dead.getDestination()).isEqualTo("webhook:ops");
    assertThat(dead.getLastError()).startsWith("HTTP 400");
    assertThat(dead.getCampaignId()).isEqualTo(campaign.getCampaignId());

    receiver.status = 200;
    OutboxNotification retried = admin.retryNotification(RetryNotificationRequest.newBuilder()
        .setId(dead.getId()).build());
    assertThat(retried.getDead()).isFalse();
    Await.until(() -> receiver.accepted().size() == 3);

    assertThat(receiver.acceptedKinds()).containsExactly("campaign.created", "campaign.started", "campaign.paused");
    assertThat(receiver.requests).allMatch(WebhookReceiver.Request::signatureValid);
    Await.until(() -> admin.listNotifications(ListNotificationsRequest.getDefaultInstance())
        .getNotificationsCount() == 0);
    List<AuditEntry> audit = admin.listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getEntriesList();
    assertThat(audit).filteredOn(e -> e.getAction().equals("notification.retry")).singleElement()
        .satisfies(e -> assertThat(e.getDetailsMap()).containsEntry("kind", "campaign.paused")
            .containsEntry("destination", "webhook:ops"));
  }

  @Test
  void retryNotification_badOrUnknownId_clearStatus() {
    assertStatus(() -> admin.retryNotification(RetryNotificationRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT);
    assertStatus(() -> admin.retryNotification(RetryNotificationRequest.newBuilder().setId(999).build()),
        Status.Code.NOT_FOUND);
    assertStatus(() -> admin.listNotifications(ListNotificationsRequest.newBuilder().setCampaignId("x").build()),
        Status.Code.INVALID_ARGUMENT);
  }
}
