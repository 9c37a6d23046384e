package dev.convoy.bench.sim;

import dev.convoy.bench.proc.AdminClient;
import dev.convoy.transport.Channels;
import dev.convoy.transport.ServerAddress;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * N simulated agents in one JVM ({@link SimAgent}), enrolled with the server under test, each with its own mTLS
 * connection, sharing one small Netty event loop group (epoll when available), one callback executor and one
 * timer thread, so that 10,000+ agents fit in one process. Closing it stops every agent and releases all threads.
 *
 * <p>Thread-safe after construction.
 */
public final class Fleet implements AutoCloseable {
  /**
   * Redemptions of one token are serialised by the server until durable, so the fleet spreads its enrollments over
   * many small tokens, round-robin: concurrent enrollments then share fsyncs through group commit.
   */
  private static final int USES_PER_TOKEN = 50;
  private final ServerAddress server;
  private final Behaviour behaviour;
  private final EventLoopGroup loops;
  private final Class<? extends io.netty.channel.Channel> channelType;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final List<SimAgent> agents = new ArrayList<>();
  private final InventoryState[] inventories;
  private final FleetStats stats;
  private volatile AgentDownloads agentDownloads;

  private Fleet(ServerAddress server, Behaviour behaviour, int count, int loopThreads) {
    this.server = server;
    this.behaviour = behaviour;
    boolean epoll = Epoll.isAvailable();
    this.loops = new MultiThreadIoEventLoopGroup(loopThreads,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    this.channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    this.executor = Executors.newFixedThreadPool(2, daemon("sim-callback"));
    this.scheduler = Executors.newScheduledThreadPool(1, daemon("sim-timer"));
    this.inventories = new InventoryState[count];
    this.stats = new FleetStats(count);
  }

  /**
   * Enrolls {@code count} agents into {@code group} (tokens from {@code admin}, up to 64 enrollments at once) and
   * builds their channels; nothing is connected yet.
   */
  public static Fleet enroll(ServerAddress server, X509Certificate ca, AdminClient admin, String group, int count,
      Behaviour behaviour, int loopThreads) throws InterruptedException {
    Fleet fleet = new Fleet(server, behaviour, count, loopThreads);
    List<String> tokens = new ArrayList<>();
    int tokenCount = (count + USES_PER_TOKEN - 1) / USES_PER_TOKEN;
    for (int t = 0; t < tokenCount; t++) {
      tokens.add(admin.token(group, USES_PER_TOKEN));
    }
    List<Enroller.Enrolled> enrolled = Enroller.enroll(fleet.builder(), ca, count, 64,
        n -> tokens.get(n % tokenCount));
    for (int i = 0; i < count; i++) {
      Enroller.Enrolled one = enrolled.get(i);
      ManagedChannel channel = fleet.builder().sslContext(SimTls.client(one.identity())).build();
      fleet.agents.add(new SimAgent(i, one.endpointId(), fleet, channel));
    }
    return fleet;
  }

  private NettyChannelBuilder builder() {
    return NettyChannelBuilder.forAddress(server.host(), server.port())
        .eventLoopGroup(loops).channelType(channelType).executor(executor)
        .maxInboundMessageSize(Channels.MAX_MESSAGE_BYTES)
        .keepAliveTime(behaviour.pingInterval().toSeconds(), TimeUnit.SECONDS).keepAliveTimeout(20, TimeUnit.SECONDS)
        .disableRetry();
  }

  /**
   * Connects every agent, at most {@code parallel} connects in flight, and starts their pings; completes when every
   * first connect attempt has answered (failed ones keep retrying with backoff).
   */
  public void connectAll(int parallel) throws InterruptedException {
    Semaphore inFlight = new Semaphore(parallel);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (SimAgent agent : agents) {
      inFlight.acquire();
      all.add(agent.connect().whenComplete((v, f) -> inFlight.release()));
      long interval = behaviour.pingInterval().toMillis();
      scheduler.scheduleAtFixedRate(agent::ping, ThreadLocalRandom.current().nextLong(interval), interval,
          TimeUnit.MILLISECONDS);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  /** Gives agent {@code index} an inventory (full report on InventoryRequest hints; check-ins by the caller). */
  public InventoryState attachInventory(int index, java.util.SortedMap<String, Object> facts) {
    inventories[index] = new InventoryState(agents.get(index), facts);
    return inventories[index];
  }

  InventoryState inventoryOf(int index) {
    return inventories[index];
  }

  public List<SimAgent> agents() {
    return agents;
  }

  /** From now on, downloads run the real agent's download code ({@link AgentDownloads}) instead of counting bytes. */
  public void downloadLikeTheAgent(AgentDownloads downloads) {
    this.agentDownloads = downloads;
  }

  /** The real agent's download code, or null: the simulator only counts the bytes. */
  AgentDownloads agentDownloads() {
    return agentDownloads;
  }

  public FleetStats stats() {
    return stats;
  }

  public Behaviour behaviour() {
    return behaviour;
  }

  ExecutorService executor() {
    return executor;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  public boolean epoll() {
    return channelType == EpollSocketChannel.class;
  }

  @Override
  public void close() throws InterruptedException {
    scheduler.shutdownNow();
    for (SimAgent agent : agents) {
      agent.stop();
      agent.channel().shutdownNow();
    }
    for (SimAgent agent : agents) {
      agent.channel().awaitTermination(5, TimeUnit.SECONDS);
    }
    executor.shutdownNow();
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
