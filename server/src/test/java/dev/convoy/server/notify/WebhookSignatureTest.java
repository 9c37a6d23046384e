package dev.convoy.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] SECRET = "whsec-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "{\"id\":\"evt-1\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant T = Instant.parse("2027-01-01T00:00:00Z");
  private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

  @Test
  void sign_knownVector_matchesHmacOfTimestampDotBody() {
    // python3 -c 'import hmac,hashlib;print(hmac.new(b"whsec-0123456789abcdef",b"1798761600.{\"id\":\"evt-1\"}",
    //   hashlib.sha256).hexdigest())'
    assertThat(WebhookSignature.sign(SECRET, T, BODY)).isEqualTo(
        "t=1798761600,v1=88f8f95e2fb94113b6df6399a6d75f8caf23194a5f645abbf9f5a1fff9137f00");
  }

  @Test
  void verify_untouched_true() {
    assertThat(WebhookSignature.verify(SECRET, WebhookSignature.sign(SECRET, T, BODY), BODY, T.plusSeconds(60),
        TOLERANCE)).isTrue();
  }

  @Test
  void verify_bodyChangedOrOtherSecret_false() {
    String header = WebhookSignature.sign(SECRET, T, BODY);
    assertThat(WebhookSignature.verify(SECRET, header, "{\"id\":\"evt-2\"}".getBytes(StandardCharsets.UTF_8), T,
        TOLERANCE)).isFalse();
    assertThat(WebhookSignature.verify("other-secret-0123456".getBytes(StandardCharsets.UTF_8), header, BODY, T,
        TOLERANCE)).isFalse();
  }

  @Test
  void verify_replayedAfterTolerance_false() {
    String header = WebhookSignature.sign(SECRET, T, BODY);
    assertThat(WebhookSignature.verify(SECRET, header, BODY, T.plus(TOLERANCE).plusSeconds(1), TOLERANCE)).isFalse();
  }

  @Test
  void verify_timestampAltered_false() {
    String header = WebhookSignature.sign(SECRET, T, BODY).replace("t=1798761600", "t=1798761601");
    assertThat(WebhookSignature.verify(SECRET, header, BODY, T, TOLERANCE)).isFalse();
  }

  @Test
  void verify_malformedOrMissing_false() {
    assertThat(WebhookSignature.verify(SECRET, null, BODY, T, TOLERANCE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "garbage", BODY, T, TOLERANCE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "t=1798761600,v1=zz", BODY, T, TOLERANCE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "t=1798761600", BODY, T, TOLERANCE)).isFalse();
  }

  @Test
  void verify_severalV1WhileRotating_anyMatchAccepted() {
    String good = WebhookSignature.sign(SECRET, T, BODY);
    String header = "t=1798761600,v1=" + "00".repeat(32) + "," + good.substring(good.indexOf("v1="));
    assertThat(WebhookSignature.verify(SECRET, header, BODY, T, TOLERANCE)).isTrue();
  }
}
