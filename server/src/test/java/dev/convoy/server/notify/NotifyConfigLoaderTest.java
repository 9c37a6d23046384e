package dev.convoy.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyConfigLoaderTest {
  @TempDir Path dir;

  private Path properties(String text) throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void load_noFileOrNoNotifyKeys_disabled() throws Exception {
    assertThat(NotifyConfigLoader.load(dir.resolve("absent.properties"))).isEqualTo(NotifyConfig.disabled());
    assertThat(NotifyConfigLoader.load(properties("listen=0.0.0.0:8443\n"))).isEqualTo(NotifyConfig.disabled());
  }

  @Test
  void load_fullSection_everyFieldRead() throws Exception {
    Files.writeString(dir.resolve("ops.secret"), "s3cret-for-the-ops-hook-0001\n");
    Files.writeString(dir.resolve("smtp.password"), "mail-password\n");
    NotifyConfig config = NotifyConfigLoader.load(properties("""
        notify.webhook.ops.url=https://hooks.example.org/convoy
        notify.webhook.ops.secret_file=ops.secret
        notify.webhook.ops.kinds=campaign., approval.
        notify.webhook.chat.url=http://10.0.0.5:8080/in
        notify.webhook.chat.secret=inline-secret-0123456789
        notify.webhook.chat.timeout=3s
        notify.smtp.host=smtp.example.org
        notify.smtp.from=convoy@example.org
        notify.smtp.username=convoy
        notify.smtp.password_file=smtp.password
        notify.mail.to=change-board@example.org, desk@example.org
        notify.retry.initial=1m
        notify.retry.max=2h
        notify.retry.max_age=7d
        notify.poll_interval=PT2S
        notify.threads=2
        """));

    assertThat(config.webhooks()).extracting(WebhookConfig::name).containsExactly("chat", "ops");
    WebhookConfig ops = config.webhook("ops").orElseThrow();
    assertThat(new String(ops.secret(), StandardCharsets.UTF_8)).isEqualTo("s3cret-for-the-ops-hook-0001");
    assertThat(ops.kinds()).containsExactly("campaign.", "approval.");
    assertThat(ops.timeout()).isEqualTo(WebhookConfig.DEFAULT_TIMEOUT);
    assertThat(config.webhook("chat").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(3));
    SmtpConfig smtp = config.smtp().orElseThrow();
    assertThat(smtp.port()).as("STARTTLS by default, on the submission port").isEqualTo(587);
    assertThat(smtp.startTls()).isTrue();
    assertThat(smtp.password()).isEqualTo("mail-password");
    assertThat(config.mailTo()).containsExactly("change-board@example.org", "desk@example.org");
    assertThat(config.retry()).isEqualTo(new BackoffPolicy(Duration.ofMinutes(1), Duration.ofHours(2),
        Duration.ofDays(7)));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.threads()).isEqualTo(2);
    assertThat(config.toString()).doesNotContain("s3cret", "inline-secret", "mail-password");
  }

  @Test
  void load_unknownKey_refusedNamingIt() throws Exception {
    Path file = properties("notify.smtp.hots=smtp.example.org\n");
    assertThatThrownBy(() -> NotifyConfigLoader.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notify.smtp.hots: unknown key");
  }

  @Test
  void load_badValues_messageNamesTheKeyAndNeverTheSecret() throws Exception {
    assertThatThrownBy(() -> NotifyConfigLoader.load(properties(
        "notify.webhook.ops.url=ftp://x\nnotify.webhook.ops.secret=short-but-secret-value-here\n")))
        .hasMessageContaining("notify.webhook.ops.url: ftp://x").hasMessageNotContaining("short-but-secret");
    assertThatThrownBy(() -> NotifyConfigLoader.load(properties(
        "notify.webhook.ops.url=https://x.example.org\nnotify.webhook.ops.secret=tooshort\n")))
        .hasMessageContaining("notify.webhook.ops.secret: 8 bytes (expected: >= 16)")
        .hasMessageNotContaining("tooshort");
    assertThatThrownBy(() -> NotifyConfigLoader.load(properties(
        "notify.webhook.ops.url=https://x.example.org\nnotify.webhook.ops.secret_file=missing.secret\n")))
        .hasMessageContaining("notify.webhook.ops.secret_file: cannot read");
    assertThatThrownBy(() -> NotifyConfigLoader.load(properties("notify.mail.to=a@example.org\n")))
        .hasMessageContaining("notify.mail.to").hasMessageContaining("notify.smtp.host");
    assertThatThrownBy(() -> NotifyConfigLoader.load(properties("notify.retry.initial=soon\n")))
        .hasMessageContaining("notify.retry.initial: soon (expected: a duration");
  }
}
