package dev.convoy.transport;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.TimeUnit;

/** gRPC channels to a Convoy server, always over TLS. */
public final class Channels {
  /** Largest message either side accepts: download chunks are far smaller. */
  public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  private Channels() {}

  /** A channel to {@code address} with {@code tls}; HTTP/2 keepalives detect dead links on idle sessions. */
  public static ManagedChannel open(ServerAddress address, SslContext tls) {
    return NettyChannelBuilder.forAddress(address.host(), address.port())
        .sslContext(tls)
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .keepAliveTime(60, TimeUnit.SECONDS)
        .keepAliveTimeout(20, TimeUnit.SECONDS)
        .build();
  }
}
