package dev.convoy.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sheds connection load before TLS. A full mTLS handshake is the most expensive thing a client can ask of the
 * server (ECDHE, a signature, the client chain's verification); when thousands of agents reconnect at once (a server
 * restart), accepting them all makes every handshake slow, many time out on the client, and the work spent on them
 * is wasted. The gate admits at most {@code limit} handshakes at a time: a connection accepted beyond that is closed
 * at once, before a TLS engine or a gRPC transport exists for it (a few microseconds), and the agent retries after
 * its jittered backoff. Admitted handshakes finish quickly, so the server's throughput stays at what its CPU allows.
 *
 * <p>A connection holds its permit from accept until its handshake ends (done, failed or timed out: the TLS
 * handler's own handshake timeout bounds it) or the connection closes, whichever comes first.
 *
 * <p>Thread-safe.
 */
public final class HandshakeGate {
  private static final Logger logger = LoggerFactory.getLogger(HandshakeGate.class);
  private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final LongAdder refused = new LongAdder();
  private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());

  /**
   * @param limit handshakes admitted at once, >= 1
   */
  public HandshakeGate(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("handshake limit: " + limit + " (expected: >= 1)");
    }
    this.limit = limit;
  }

  /**
   * A factory of NIO server channels whose accepted connections pass this gate (for
   * {@code NettyServerBuilder.channelFactory}, with NIO event loop groups).
   */
  public ChannelFactory<ServerChannel> nioServerChannels() {
    return () -> {
      NioServerSocketChannel channel = new NioServerSocketChannel();
      // First in the server channel's pipeline, so it sees each accepted connection before the bootstrap does.
      channel.pipeline().addLast(new Acceptor());
      return channel;
    };
  }

  /** Handshakes admitted and not yet ended. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Connections closed unhandshaken because the gate was full, since the start. */
  public long refused() {
    return refused.sum();
  }

  boolean tryAcquire() {
    while (true) {
      int now = inFlight.get();
      if (now >= limit) {
        refused.increment();
        logRefusals();
        return false;
      }
      if (inFlight.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  void release() {
    inFlight.decrementAndGet();
  }

  private void logRefusals() {
    long next = nextLogNanos.get();
    long now = System.nanoTime();
    if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
      logger.warn("connections refused before TLS: handshakes in flight at limit={} refusedTotal={}", limit,
          refused.sum());
    }
  }

  /** On the server channel: admits (and tags) or closes each accepted connection. */
  @ChannelHandler.Sharable
  private final class Acceptor extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Channel child = (Channel) msg;
      if (!tryAcquire()) {
        child.unsafe().closeForcibly(); // not registered yet: nothing but the socket to close
        return;
      }
      child.pipeline().addLast(new Permit(child));
      ctx.fireChannelRead(child);
    }
  }

  /**
   * On an admitted connection, ahead of the TLS handler: returns the permit when the handshake ends or the
   * connection closes, then leaves the pipeline.
   */
  private final class Permit extends ChannelInboundHandlerAdapter implements GenericFutureListener<Future<Object>> {
    private final Channel channel;
    private final AtomicBoolean held = new AtomicBoolean(true);

    Permit(Channel channel) {
      this.channel = channel;
      channel.closeFuture().addListener(this);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      // The first bytes (the ClientHello): the TLS handler is in the pipeline by now, behind this one.
      SslHandler ssl = ctx.pipeline().get(SslHandler.class);
      ctx.pipeline().remove(this);
      if (ssl == null) {
        operationComplete(null);
      } else {
        ssl.handshakeFuture().addListener(this);
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void operationComplete(Future<Object> future) {
      if (held.compareAndSet(true, false)) {
        release();
        channel.closeFuture().removeListener(this);
      }
    }
  }
}
