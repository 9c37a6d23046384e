package dev.convoy.agent.grpc;

import com.google.protobuf.Timestamp;
import dev.convoy.agent.deployment.CampaignTerms;
import dev.convoy.agent.deployment.Deferral;
import dev.convoy.agent.deployment.Delivery;
import dev.convoy.agent.deployment.Execution;
import dev.convoy.agent.deployment.InstallGate;
import dev.convoy.agent.deployment.Notice;
import dev.convoy.agent.deployment.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DeploymentSpec's campaign fields (delivery, execution, notice, gate, deferral, title) to
 * {@link CampaignTerms}. Unset timestamps become null. A spec without a gate comes from a server that predates
 * campaigns: its terms are {@link CampaignTerms#LEGACY} (gate open) with whatever notice it carries. Thread-safe
 * (stateless).
 */
final class CampaignMapper {
  private static final Logger logger = LoggerFactory.getLogger(CampaignMapper.class);

  private CampaignMapper() {}

  static CampaignTerms terms(dev.convoy.protocol.v1.DeploymentSpec proto) {
    Notice notice = proto.hasNotice() ? notice(proto.getNotice()) : Notice.NONE;
    if (!proto.hasGate()) {
      return new CampaignTerms(proto.getCampaignTitle(), delivery(proto.getDelivery()),
          execution(proto.getExecution()), notice, InstallGate.OPEN, deferral(proto.getDeferral()));
    }
    return new CampaignTerms(proto.getCampaignTitle(), delivery(proto.getDelivery()), execution(proto.getExecution()),
        notice, gate(proto.getGate()), deferral(proto.getDeferral()));
  }

  static Notice notice(dev.convoy.protocol.v1.Notice proto) {
    return new Notice(proto.getTitle(), proto.getMessage(), duration(proto.hasLeadTime(), proto.getLeadTime()),
        instant(proto.hasDeliveredAt(), proto.getDeliveredAt()));
  }

  static InstallGate gate(dev.convoy.protocol.v1.InstallGate proto) {
    List<TimeWindow> windows = new ArrayList<>();
    for (dev.convoy.protocol.v1.TimeWindow window : proto.getWindowsList()) {
      try {
        windows.add(new TimeWindow(instant(true, window.getStart()), instant(true, window.getEnd())));
      } catch (IllegalArgumentException e) {
        logger.warn("maintenance window ignored reason=\"{}\"", e.getMessage());
      }
    }
    return new InstallGate(proto.getHold(), instant(proto.hasNotBefore(), proto.getNotBefore()), proto.getAnytime(),
        windows, proto.getPrestage(), instant(proto.hasDeadline(), proto.getDeadline()),
        proto.getUserRequestRequired(), proto.getTechnicianRequired(), proto.getTechnicianPresent());
  }

  static Deferral deferral(dev.convoy.protocol.v1.Deferral proto) {
    return new Deferral(proto.getMaxCount(), duration(proto.hasMaxTotal(), proto.getMaxTotal()), proto.getUsedCount(),
        duration(proto.hasUsedTotal(), proto.getUsedTotal()),
        instant(proto.hasDeferredUntil(), proto.getDeferredUntil()), instant(proto.hasLatest(), proto.getLatest()));
  }

  static Delivery delivery(dev.convoy.protocol.v1.Delivery proto) {
    return proto == dev.convoy.protocol.v1.Delivery.PULL ? Delivery.PULL : Delivery.PUSH;
  }

  static Execution execution(dev.convoy.protocol.v1.Execution proto) {
    return proto == dev.convoy.protocol.v1.Execution.TECHNICIAN ? Execution.TECHNICIAN : Execution.AUTOMATIC;
  }

  private static Instant instant(boolean present, Timestamp proto) {
    return present ? Instant.ofEpochSecond(proto.getSeconds(), proto.getNanos()) : null;
  }

  private static Duration duration(boolean present, com.google.protobuf.Duration proto) {
    return present ? Duration.ofSeconds(proto.getSeconds(), proto.getNanos()) : Duration.ZERO;
  }
}
