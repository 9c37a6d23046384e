package dev.convoy.bench.sim;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.EnrollRequest;
import dev.convoy.protocol.v1.EnrollResponse;
import dev.convoy.protocol.v1.EnrollmentServiceGrpc;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.Identity;
import dev.convoy.transport.KeyPairs;
import dev.convoy.transport.Pem;
import dev.convoy.transport.PinnedCaTrustManager;
import dev.convoy.transport.TlsContexts;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Enrolls simulated endpoints through the real Enroll RPC, as {@code convoy-agent enroll} does: a fresh P-256 key
 * per endpoint, a CSR signed with it, the server pinned by its CA fingerprint. Many enrollments run at once over one
 * anonymous TLS channel. Not thread-safe.
 */
final class Enroller {
  /** An enrolled endpoint: its id and identity (key, certificate issued by the server, CA). */
  record Enrolled(String endpointId, Identity identity) {}

  private Enroller() {}

  /**
   * Enrolls {@code count} endpoints, at most {@code parallel} at a time; {@code tokenOf} gives the token for the
   * n-th (tokens are limited-use, so a fleet uses several).
   */
  static List<Enrolled> enroll(NettyChannelBuilder channelBuilder, X509Certificate ca, int count, int parallel,
      IntFunction<String> tokenOf) throws InterruptedException {
    ManagedChannel channel = channelBuilder
        .sslContext(TlsContexts.pinned(new PinnedCaTrustManager(Fingerprint.of(ca)))).build();
    try {
      EnrollmentServiceGrpc.EnrollmentServiceStub stub = EnrollmentServiceGrpc.newStub(channel);
      Semaphore inFlight = new Semaphore(parallel);
      List<CompletableFuture<Enrolled>> all = new ArrayList<>(count);
      for (int n = 0; n < count; n++) {
        KeyPair keys = KeyPairs.newP256();
        EnrollRequest request = EnrollRequest.newBuilder().setToken(tokenOf.apply(n))
            .setCsrDer(ByteString.copyFrom(Csr.create(keys, "sim-" + n))).setHostname(String.format("sim-%05d", n))
            .build();
        inFlight.acquire();
        all.add(Unary.<EnrollResponse>call(o -> stub.enroll(request, o))
            .whenComplete((r, f) -> inFlight.release())
            .thenApply(r -> new Enrolled(r.getEndpointId(),
                new Identity(keys.getPrivate(), Pem.certificate(r.getCertificatePem()), ca))));
      }
      List<Enrolled> enrolled = new ArrayList<>(count);
      for (CompletableFuture<Enrolled> one : all) {
        enrolled.add(one.join());
      }
      return enrolled;
    } finally {
      channel.shutdownNow().awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
