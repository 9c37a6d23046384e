package dev.convoy.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.convoy.protocol.v1.AcknowledgeCampaignRequest;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.ApproveCampaignRequest;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.RaciSubject;
import dev.convoy.protocol.v1.SetIdentityRequest;
import dev.convoy.protocol.v1.SetRaciRequest;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.server.people.Role;
import dev.convoy.server.testing.Await;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, notifications to the people a RACI names, over the whole server and a real SMTP server on loopback
 * (GreenMail): the Accountable is asked to approve, the Consulted to acknowledge, and the Informed (with the
 * Responsible) read about the approval and every campaign change — each by e-mail to the address of their identity.
 */
class RaciNotificationsTest {
  @TempDir Path dir;
  @TempDir Path work;
  private GreenMail smtp;
  private TestServer server;
  private Map<String, Identity> people;
  private final PublisherKeyPair key = PublisherKeys.generate();

  @BeforeEach
  void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    Files.writeString(dir.resolve("server.properties"), "\nnotify.smtp.host=127.0.0.1\nnotify.smtp.port="
        + smtp.getSmtp().getPort() + "\nnotify.smtp.from=convoy@example.org\nnotify.smtp.starttls=false"
        + "\nnotify.poll_interval=PT0.05S\n", StandardOpenOption.APPEND);
    server.restart();
    people = server.addPeople(Map.of("rita", Set.of(Role.RELEASE_MANAGER), "alice", Set.of(Role.APPROVER),
        "carol", Set.of(Role.APPROVER), "ivan", Set.of(Role.OBSERVER)));
    for (String name : people.keySet()) {
      server.adminStub().setIdentity(SetIdentityRequest.newBuilder().setName(name)
          .setEmail(name + "@example.org").build());
    }
    server.enroll("lab", "pc-a");
    PublisherKeyGrpcTest.trust(server, "IT packaging", key);
    RaciApprovalTest.publishReady(work, key, server, "office", "1.0.0");
  }

  @AfterEach
  void stop() {
    server.close();
    smtp.stop();
  }

  @Test
  void raciOfAProductionCampaign_eachPersonMailedWhatConcernsThem() throws Exception {
    String id = as("rita").createCampaign(CreateCampaignRequest.newBuilder().setReleaseName("office")
        .setReleaseVersion("1.0.0").setTitle("Suite bureautique")
        .setTargets(Targets.newBuilder().addGroups("lab")).build()).getCampaignId();
    as("rita").setRaci(SetRaciRequest.newBuilder().setSubject(RaciSubject.newBuilder().setCampaignId(id))
        .setResponsible("rita").setAccountable("alice").addConsulted("carol").addInformed("ivan").build());
    Await.until(() -> kinds("alice").contains("approval.requested") && kinds("carol").contains("ack.requested"));

    as("carol").acknowledgeCampaign(AcknowledgeCampaignRequest.newBuilder().setCampaignId(id)
        .setComment("ok pour nous").build());
    as("alice").approveCampaign(ApproveCampaignRequest.newBuilder().setCampaignId(id).setComment("go").build());
    as("rita").startCampaign(StartCampaignRequest.newBuilder().setCampaignId(id).build());
    Await.until(() -> kinds("ivan").containsAll(List.of("approval.given", "campaign.started"))
        && kinds("rita").contains("campaign.started"));

    assertThat(kinds("alice")).contains("approval.requested").doesNotContain("ack.requested");
    assertThat(kinds("carol")).contains("ack.requested").doesNotContain("approval.requested");
    assertThat(kinds("ivan")).doesNotContain("approval.requested", "ack.requested");
    assertThat(subjects("ivan")).anyMatch(s -> s.contains("Suite bureautique") && s.endsWith("campaign.started"));
  }

  private AdminServiceGrpc.AdminServiceBlockingStub as(String person) {
    return AdminServiceGrpc.newBlockingStub(server.channel(people.get(person))).withDeadlineAfter(30,
        TimeUnit.SECONDS);
  }

  /** The event kinds mailed to {@code person} so far (the last word of each subject). */
  private List<String> kinds(String person) {
    return subjects(person).stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).toList();
  }

  private List<String> subjects(String person) {
    List<String> subjects = new ArrayList<>();
    for (Message message : smtp.getReceivedMessagesForDomain(person + "@example.org")) {
      try {
        subjects.add(message.getSubject());
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return subjects;
  }
}
