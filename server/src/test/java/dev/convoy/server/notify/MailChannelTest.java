package dev.convoy.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** E-mail against a real SMTP server on loopback (GreenMail). */
class MailChannelTest {
  private final java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2027-06-05T22:00:00Z"),
      java.time.ZoneOffset.UTC);
  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private MailChannel channel(int port) {
    return new MailChannel(new SmtpConfig("127.0.0.1", port, "convoy@example.org", false, "", "",
        Duration.ofSeconds(5)), clock);
  }

  @Test
  void deliver_campaignPaused_plainTextMailWithSubjectRecipientAndTextsAsWritten() throws Exception {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("state", "PAUSED");
    details.put("reason", "mis en pause par bob : pilotes d'imprimante à vérifier");
    Notification event = Notification.of("campaign.paused", "cmp-0123456789abcdef", "Suite bureautique 2027",
        clock.instant(), "Mis en pause par bob : pilotes d'imprimante à vérifier", details);

    DeliveryResult result = channel(smtp.getSmtp().getPort()).deliver(Destination.mail("informed@example.org"),
        event, 1);

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("[Convoy] Suite bureautique 2027 (cmp-0123456789abcdef) campaign.paused");
    assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("informed@example.org");
    assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("convoy@example.org");
    assertThat(mail.getHeader("X-Convoy-Event-Id")).containsExactly(event.id());
    assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    String body = ((String) mail.getContent()).replace("\r\n", "\n"); // SMTP lines end in CRLF
    assertThat(body).startsWith("Mis en pause par bob : pilotes d'imprimante à vérifier\n")
        .contains("Event:    campaign.paused").contains("When:     2027-06-05T22:00:00Z")
        .contains("reason: mis en pause par bob : pilotes d'imprimante à vérifier");
    assertThat(GreenMailUtil.getAddressList(mail.getAllRecipients())).isEqualTo("informed@example.org");
  }

  @Test
  void deliver_smtpServerDown_retry() {
    int port = smtp.getSmtp().getPort();
    smtp.stop();

    DeliveryResult result = channel(port).deliver(Destination.mail("informed@example.org"),
        Notification.of("campaign.started", "cmp-1", "", clock.instant(), "", Map.of()), 1);

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    assertThat(result.detail()).contains("127.0.0.1:" + port);
  }
}
