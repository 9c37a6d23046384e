package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.ListNotificationsRequest;
import dev.convoy.protocol.v1.ListNotificationsResponse;
import dev.convoy.protocol.v1.OutboxNotification;
import dev.convoy.protocol.v1.RetryNotificationRequest;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.notify.Notifications;
import dev.convoy.server.notify.OutboxEntry;
import java.time.Instant;
import java.util.List;

/** The notification outbox calls of AdminService (issue 7): validation, domain call, mapping. Thread-safe. */
public final class NotifyAdminCalls {
  static final int DEFAULT_PAGE = 500;
  static final int MAX_PAGE = 5000;

  private final Notifications notifications;

  public NotifyAdminCalls(Notifications notifications) {
    this.notifications = notifications;
  }

  ListNotificationsResponse list(ListNotificationsRequest request) {
    if (request.getLimit() < 0 || request.getLimit() > MAX_PAGE) {
      throw ConvoyException.invalidArgument("limit: " + request.getLimit() + " (expected: 0..." + MAX_PAGE + ")");
    }
    int limit = request.getLimit() == 0 ? DEFAULT_PAGE : request.getLimit();
    String campaignId = request.getCampaignId().isEmpty() ? "" : AdminGrpcService.campaignId(request.getCampaignId());
    ListNotificationsResponse.Builder response = ListNotificationsResponse.newBuilder();
    long after = request.getAfterId();
    int taken = 0;
    // a campaign filter may skip whole pages: read on until the page is full or the outbox is exhausted
    while (taken < limit) {
      List<OutboxEntry> page = notifications.list(request.getFailedOnly(), after, limit);
      for (OutboxEntry entry : page) {
        after = entry.sequence();
        if (campaignId.isEmpty() || entry.notification().campaignId().equals(campaignId)) {
          response.addNotifications(notification(entry));
          if (++taken == limit) {
            response.setNextAfterId(after);
            break;
          }
        }
      }
      if (page.size() < limit) {
        break;
      }
    }
    return response.build();
  }

  OutboxNotification retry(RetryNotificationRequest request) {
    if (request.getId() <= 0) {
      throw ConvoyException.invalidArgument("id: " + request.getId() + " (expected: a notification id >= 1, as"
          + " convoy notifications list shows it)");
    }
    return notification(notifications.retry(request.getId(), Principal.current().subject()));
  }

  static OutboxNotification notification(OutboxEntry entry) {
    OutboxNotification.Builder out = OutboxNotification.newBuilder().setId(entry.sequence())
        .setEventId(entry.notification().id()).setKind(entry.notification().kind())
        .setCampaignId(entry.notification().campaignId()).setCampaignTitle(entry.notification().campaignTitle())
        .setSummary(entry.notification().summary()).setDestination(entry.destination().toString())
        .setOccurredAt(timestamp(entry.notification().occurredAt())).setAttempts(entry.attempts())
        .setLastError(entry.lastError()).setDead(entry.dead());
    if (entry.dead()) {
      out.setDeadAt(timestamp(entry.deadAt()));
    } else {
      out.setNextAttemptAt(timestamp(entry.nextAttemptAt()));
    }
    return out.build();
  }

  private static com.google.protobuf.Timestamp timestamp(Instant instant) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano()).build();
  }
}
