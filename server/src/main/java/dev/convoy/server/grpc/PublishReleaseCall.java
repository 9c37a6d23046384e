package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.PublishHeader;
import dev.convoy.protocol.v1.PublishReleaseRequest;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Publication;
import dev.convoy.server.catalogue.ReleaseHeader;
import dev.convoy.server.error.ConvoyException;
import io.grpc.stub.StreamObserver;

/**
 * One PublishRelease call: header first, then data messages in order. Each message is written to disk before the
 * next is requested (gRPC's inbound flow control), so a large payload never accumulates in memory. Any failure ends
 * the call, discards the upload and records nothing. Messages arrive serialised, so no locking is needed.
 */
final class PublishReleaseCall implements StreamObserver<PublishReleaseRequest> {
  private final CatalogueService catalogue;
  private final String publisher;
  private final StreamObserver<dev.convoy.protocol.v1.Release> response;
  private Publication publication;
  private boolean finished;

  PublishReleaseCall(CatalogueService catalogue, String publisher,
      StreamObserver<dev.convoy.protocol.v1.Release> response) {
    this.catalogue = catalogue;
    this.publisher = publisher;
    this.response = response;
  }

  @Override
  public void onNext(PublishReleaseRequest request) {
    if (finished) {
      return;
    }
    try {
      switch (request.getPartCase()) {
        case HEADER -> header(request.getHeader());
        case DATA -> data(request);
        default -> throw ConvoyException.invalidArgument("part: empty (expected: header or data)");
      }
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void header(PublishHeader header) {
    if (publication != null) {
      throw ConvoyException.invalidArgument("header: sent twice (expected: one header, then data)");
    }
    publication = catalogue.beginPublish(new ReleaseHeader(header.getName(), header.getVersion(),
        header.getInstaller(), header.getArchiveFormat(), header.getSha256(), header.getLength(), header.getFormat()),
        publisher);
  }

  private void data(PublishReleaseRequest request) {
    if (publication == null) {
      throw ConvoyException.invalidArgument("data: before the header (expected: the header first)");
    }
    publication.write(request.getData().asReadOnlyByteBuffer());
  }

  @Override
  public void onCompleted() {
    if (finished) {
      return;
    }
    try {
      if (publication == null) {
        throw ConvoyException.invalidArgument("header: missing (expected: a header, then the payload)");
      }
      dev.convoy.protocol.v1.Release release = ProtoMapper.release(publication.complete());
      finished = true;
      response.onNext(release);
      response.onCompleted();
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  @Override
  public void onError(Throwable t) {
    // The publisher went away: discard what arrived.
    finished = true;
    if (publication != null) {
      publication.close();
    }
  }

  private void fail(RuntimeException e) {
    finished = true;
    if (publication != null) {
      publication.close();
    }
    GrpcCalls.fail(response, e);
  }
}
