package dev.convoy.agent.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.deployment.ServerException;
import io.grpc.Status;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

class StatusMapperTest {
  @Test
  void toServerException_writeOnAClosedChannel_unavailableAndRetryable() {
    // What grpc-netty reports when the server dies under a call: UNKNOWN "channel closed", cause ClosedChannelException.
    ServerException e = StatusMapper.toServerException("ReportStatus", Status.UNKNOWN
        .withDescription("channel closed").withCause(new ClosedChannelException()).asRuntimeException());

    assertThat(e.code()).isEqualTo(ServerException.Code.UNAVAILABLE);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).isEqualTo("ReportStatus: channel closed");
  }

  @Test
  void toServerException_unknownWithoutTransportCause_stillOther() {
    ServerException e = StatusMapper.toServerException("ReportStatus",
        Status.UNKNOWN.withDescription("application bug").asRuntimeException());

    assertThat(e.code()).isEqualTo(ServerException.Code.OTHER);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void toServerException_refusals_keepTheirCode() {
    assertThat(StatusMapper.toServerException("ReportStatus", Status.FAILED_PRECONDITION
        .withDescription("stale").asRuntimeException()).code()).isEqualTo(ServerException.Code.FAILED_PRECONDITION);
    assertThat(StatusMapper.toServerException("ReportStatus", Status.UNAVAILABLE.asRuntimeException()).retryable())
        .isTrue();
  }
}
