package dev.convoy.cli.testing;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.ListNotificationsRequest;
import dev.convoy.protocol.v1.ListNotificationsResponse;
import dev.convoy.protocol.v1.OutboxNotification;
import dev.convoy.protocol.v1.RetryNotificationRequest;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The notification outbox part of {@link FakeAdminService}: in-memory entries with the server's paging. */
public final class FakeNotifications {
  public final List<OutboxNotification> entries = new CopyOnWriteArrayList<>();
  public final List<ListNotificationsRequest> listRequests = new CopyOnWriteArrayList<>();
  public volatile int pageSize = 500;

  /** Adds entry {@code id}: pending (next attempt in a minute of the given base) or dead. */
  public OutboxNotification add(String kind, String destination, boolean dead, String error) {
    long id = entries.size() + 1;
    Timestamp at = Timestamp.newBuilder().setSeconds(1_795_000_000L + id * 60).build();
    OutboxNotification.Builder n = OutboxNotification.newBuilder().setId(id).setEventId("evt-" + id).setKind(kind)
        .setCampaignId("cmp-0123456789abcdef").setDestination(destination).setOccurredAt(at).setAttempts(dead ? 3 : 1)
        .setLastError(error).setDead(dead);
    if (dead) {
      n.setDeadAt(at);
    } else {
      n.setNextAttemptAt(at);
    }
    entries.add(n.build());
    return n.build();
  }

  ListNotificationsResponse list(ListNotificationsRequest request) {
    listRequests.add(request);
    List<OutboxNotification> matching = entries.stream().filter(n -> n.getId() > request.getAfterId())
        .filter(n -> !request.getFailedOnly() || n.getDead()).toList();
    ListNotificationsResponse.Builder response = ListNotificationsResponse.newBuilder();
    matching.stream().limit(pageSize).forEach(response::addNotifications);
    if (matching.size() > pageSize) {
      response.setNextAfterId(matching.get(pageSize - 1).getId());
    }
    return response.build();
  }

  OutboxNotification retry(RetryNotificationRequest request) {
    for (int i = 0; i < entries.size(); i++) {
      OutboxNotification n = entries.get(i);
      if (n.getId() == request.getId()) {
        if (!n.getDead()) {
          throw Status.FAILED_PRECONDITION.withDescription("notification " + n.getId() + " is pending")
              .asRuntimeException();
        }
        OutboxNotification revived = n.toBuilder().setDead(false).clearDeadAt().setNextAttemptAt(n.getDeadAt())
            .build();
        entries.set(i, revived);
        return revived;
      }
    }
    throw Status.NOT_FOUND.withDescription("notification id: " + request.getId() + " not found").asRuntimeException();
  }
}
