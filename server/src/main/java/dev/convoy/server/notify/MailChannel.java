package dev.convoy.server.notify;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * Sends events as plain-text e-mail ({@link MailText}) through the configured SMTP server, one message per
 * recipient (one refused address then delays nobody else). With STARTTLS on, the connection fails rather than
 * fall back to clear text. A 5xx refusal of the address is permanent (a dead letter); connection failures, 4xx
 * answers and authentication failures are retried. Thread-safe (a {@link Session} is).
 */
public final class MailChannel implements DeliveryChannel {
  private final SmtpConfig smtp;
  private final Session session;
  private final Clock clock;

  public MailChannel(SmtpConfig smtp, Clock clock) {
    this.smtp = smtp;
    this.clock = clock;
    this.session = Session.getInstance(properties(smtp));
  }

  static Properties properties(SmtpConfig smtp) {
    Properties p = new Properties();
    String millis = String.valueOf(smtp.timeout().toMillis());
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", smtp.host());
    p.setProperty("mail.smtp.port", String.valueOf(smtp.port()));
    p.setProperty("mail.smtp.from", smtp.from());
    p.setProperty("mail.smtp.connectiontimeout", millis);
    p.setProperty("mail.smtp.timeout", millis);
    p.setProperty("mail.smtp.writetimeout", millis);
    p.setProperty("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
    p.setProperty("mail.smtp.starttls.required", String.valueOf(smtp.startTls()));
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    p.setProperty("mail.smtp.auth", String.valueOf(smtp.authenticates()));
    return p;
  }

  @Override
  public DeliveryResult deliver(Destination destination, Notification notification, int attempt) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(smtp.from(), true));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(destination.target(), true));
      message.setSubject(MailText.subject(notification), StandardCharsets.UTF_8.name());
      message.setText(MailText.body(notification), StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(clock.instant()));
      message.setHeader("X-Convoy-Event-Id", notification.id());
      message.setHeader("X-Convoy-Event-Kind", notification.kind());
      message.setHeader("Auto-Submitted", "auto-generated");
      if (smtp.authenticates()) {
        Transport.send(message, smtp.username(), smtp.password());
      } else {
        Transport.send(message);
      }
      return DeliveryResult.delivered();
    } catch (jakarta.mail.internet.AddressException e) {
      return DeliveryResult.permanent("not an e-mail address: " + e.getRef());
    } catch (SendFailedException e) {
      return refused(e);
    } catch (AuthenticationFailedException e) {
      return DeliveryResult.retry("SMTP authentication failed for user " + smtp.username());
    } catch (MessagingException e) {
      return DeliveryResult.retry("SMTP " + smtp.host() + ":" + smtp.port() + ": " + describe(e));
    }
  }

  private static DeliveryResult refused(SendFailedException e) {
    for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
      if (next instanceof SMTPAddressFailedException failed) {
        String detail = "SMTP refused " + failed.getAddress() + ": " + failed.getReturnCode() + " "
            + failed.getMessage().strip();
        return failed.getReturnCode() >= 500 ? DeliveryResult.permanent(detail) : DeliveryResult.retry(detail);
      }
    }
    Address[] invalid = e.getInvalidAddresses();
    if (invalid != null && invalid.length > 0) {
      return DeliveryResult.permanent("SMTP refused " + invalid[0] + ": " + describe(e));
    }
    return DeliveryResult.retry("SMTP send failed: " + describe(e));
  }

  private static String describe(MessagingException e) {
    Exception cause = e.getNextException();
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    return cause == null ? text : text + " (" + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip()) + ")";
  }
}
