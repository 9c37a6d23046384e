package dev.convoy.cli;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.transport.ServerAddress;
import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code convoy}: the environment, the global options as parsed, and the channel to the server, opened
 * on first use and closed when the run ends.
 *
 * <p>Not thread-safe: one command runs at a time on the thread that parsed the command line.
 */
public final class CliContext implements AutoCloseable {
  /** Environment variable giving the server address when {@code --server} is absent. */
  public static final String SERVER_VARIABLE = "CONVOY_SERVER";
  /** Environment variable giving the identity file when {@code --identity} is absent. */
  public static final String IDENTITY_VARIABLE = "CONVOY_IDENTITY";

  private final CliEnvironment environment;
  private String serverOption;
  private String identityOption;
  private ServerAddress address;
  private ManagedChannel channel;

  public CliContext(CliEnvironment environment) {
    this.environment = environment;
  }

  public CliEnvironment environment() {
    return environment;
  }

  public PrintWriter out() {
    return environment.out();
  }

  public PrintWriter err() {
    return environment.err();
  }

  public Clock clock() {
    return environment.clock();
  }

  void serverOption(String value) {
    this.serverOption = value;
  }

  void identityOption(String value) {
    this.identityOption = value;
  }

  /**
   * The server address from {@code --server} or {@code $CONVOY_SERVER}.
   *
   * @throws UsageException if absent or malformed
   */
  public ServerAddress serverAddress() {
    if (address == null) {
      String text = Optional.ofNullable(serverOption).filter(v -> !v.isBlank())
          .or(() -> environment.variable(SERVER_VARIABLE))
          .orElseThrow(() -> new UsageException(
              "no server address: use --server HOST:PORT or set " + SERVER_VARIABLE));
      try {
        address = ServerAddress.parse(text);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--server: " + e.getMessage(), e);
      }
    }
    return address;
  }

  /**
   * Points this run at {@code target} as {@code identity}, whatever the options said: for the quick start, which
   * learns the address of the server it started. @throws IllegalStateException if a channel is already open
   */
  public void connectTo(ServerAddress target, Path identity) {
    if (channel != null) {
      throw new IllegalStateException("connectTo: a channel to " + address + " is already open");
    }
    this.address = target;
    this.identityOption = identity.toString();
  }

  /** The address if one was resolved in this run: lets error messages say where the CLI tried to connect. */
  public Optional<ServerAddress> resolvedAddress() {
    return Optional.ofNullable(address);
  }

  /** The identity file from {@code --identity} or {@code $CONVOY_IDENTITY}. @throws UsageException if absent */
  public Path identityFile() {
    String text = Optional.ofNullable(identityOption).filter(v -> !v.isBlank())
        .or(() -> environment.variable(IDENTITY_VARIABLE))
        .orElseThrow(() -> new UsageException(
            "no identity file: use --identity FILE or set " + IDENTITY_VARIABLE));
    return resolve(text);
  }

  /** {@code path} relative to the working directory. */
  public Path resolve(String path) {
    return environment.workingDirectory().resolve(path).normalize();
  }

  /** The channel to the server, opened on first use. @throws UsageException if server or identity is missing */
  public ManagedChannel channel() {
    if (channel == null) {
      ServerAddress target = serverAddress();
      Path identity = identityFile();
      try {
        channel = environment.channels().open(target, identity);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--identity: " + e.getMessage(), e);
      }
    }
    return channel;
  }

  /** A blocking AdminService stub on {@link #channel()}. */
  public AdminServiceGrpc.AdminServiceBlockingStub admin() {
    return AdminServiceGrpc.newBlockingStub(channel());
  }

  /** An asynchronous AdminService stub on {@link #channel()}: for client streaming with flow control. */
  public AdminServiceGrpc.AdminServiceStub adminAsync() {
    return AdminServiceGrpc.newStub(channel());
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
