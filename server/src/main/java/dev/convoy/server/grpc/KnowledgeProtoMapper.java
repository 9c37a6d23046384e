package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.KbArticleSummary;
import dev.convoy.protocol.v1.KbCoverage;
import dev.convoy.protocol.v1.ReleaseDocument;
import dev.convoy.protocol.v1.TrainingGroupCount;
import dev.convoy.server.knowledge.KbEntry;
import dev.convoy.server.knowledge.TrainingCount;
import dev.convoy.server.knowledge.TrainingItem;
import dev.convoy.server.knowledge.TrainingReport;

/** Knowledge domain values ↔ convoy.v1 messages. Stateless. */
final class KnowledgeProtoMapper {
  private KnowledgeProtoMapper() {}

  static KbArticleSummary article(KbEntry e) {
    return KbArticleSummary.newBuilder().setId(e.id()).setTitle(e.title()).setReleaseName(e.releaseName())
        .setReleaseVersion(e.releaseVersion()).setPublishedAt(ProtoMapper.timestamp(e.publishedAt()))
        .setDocument(e.document())
        .setCovers(KbCoverage.newBuilder().addAllStates(e.states()).addAllExitCodes(e.exitCodes())).build();
  }

  static dev.convoy.protocol.v1.TrainingItem training(TrainingItem t) {
    return dev.convoy.protocol.v1.TrainingItem.newBuilder().setReleaseName(t.releaseName())
        .setReleaseVersion(t.releaseVersion()).setTitle(t.title()).setAudience(t.audience()).setLink(t.link())
        .setDocument(t.document()).build();
  }

  static ReleaseDocument document(dev.convoy.server.catalogue.ReleaseDocument d) {
    return ReleaseDocument.newBuilder().setKind(d.kind()).setName(d.name()).setTitle(d.title()).setId(d.id())
        .setLength(d.length()).setSha256(d.sha256()).build();
  }

  static dev.convoy.protocol.v1.TrainingReport report(TrainingReport r) {
    var b = dev.convoy.protocol.v1.TrainingReport.newBuilder().setTraining(training(r.item()))
        .setEndpoints(r.endpoints()).setAttested(r.attested());
    for (TrainingCount c : r.groups()) {
      b.addGroups(TrainingGroupCount.newBuilder().setGroup(c.group()).setEndpoints(c.endpoints())
          .setAttested(c.attested()).setPercent(c.percent()));
    }
    return b.build();
  }
}
