package dev.convoy.cli.governance;

import dev.convoy.cli.UsageException;
import dev.convoy.cli.campaign.ReleaseRef;
import dev.convoy.protocol.v1.RaciSubject;

/** {@code release N@V} or {@code campaign ID}, as the raci commands take them. */
final class RaciSubjects {
  private RaciSubjects() {}

  /** @throws UsageException naming the forms expected */
  static RaciSubject parse(String kind, String value) {
    return switch (kind) {
      case "campaign" -> RaciSubject.newBuilder().setCampaignId(value).build();
      case "release" -> {
        ReleaseRef ref;
        try {
          ref = ReleaseRef.parse(value);
        } catch (IllegalArgumentException e) {
          throw new UsageException("release: " + e.getMessage(), e);
        }
        yield RaciSubject.newBuilder().setRelease(dev.convoy.protocol.v1.ReleaseRef.newBuilder()
            .setName(ref.name()).setVersion(ref.version())).build();
      }
      default -> throw new UsageException("'" + kind + "' (expected: release N@V or campaign ID)");
    };
  }
}
