package dev.convoy.cli.testing;

import dev.convoy.cli.ChannelFactory;
import dev.convoy.cli.CliEnvironment;
import dev.convoy.cli.ConvoyCli;
import dev.convoy.cli.quickstart.OsProcessLauncher;
import dev.convoy.cli.quickstart.ProcessLauncher;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: an in-process gRPC server running {@link FakeAdminService}, and a way to run {@code convoy}
 * command lines against it. Every channel the CLI opens goes to the in-process server, whatever the address;
 * the addresses and identity paths the CLI resolved are recorded. Everything is shut down after each test.
 */
public final class InProcessAdmin implements BeforeEachCallback, AfterEachCallback {
  /** The outcome of one command line. */
  public record Result(int exitCode, String out, String err) {}

  /** When the tests pretend it is: 2026-11-29T12:00:00Z. */
  public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private FakeAdminService service;
  private Server server;
  private String name;
  private final List<ManagedChannel> channels = new ArrayList<>();
  public final List<String> connections = new ArrayList<>();
  public final Map<String, String> variables = new HashMap<>();
  public boolean terminal;
  /** Fixed at {@link #NOW} by default; the quick start tests use real time for their polling. */
  public Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  public Path workingDirectory = Path.of("").toAbsolutePath();
  public Optional<Path> convoyHome = Optional.empty();
  public ProcessLauncher launcher = new OsProcessLauncher();
  /** When set, used instead of the in-process channel: e.g. {@link ChannelFactory#mutualTls()}. */
  public ChannelFactory channelFactory;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    service = new FakeAdminService();
    name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(service).build().start();
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  public FakeAdminService service() {
    return service;
  }

  /** Runs {@code convoy ARGS} with {@code --server}/{@code --identity} already given. */
  public Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--server", "127.0.0.1:8443", "--identity", "admin.pem"));
    all.addAll(List.of(args));
    return runBare(all.toArray(String[]::new));
  }

  /** Runs {@code convoy ARGS} exactly as given. */
  public Result runBare(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment = new CliEnvironment(variables, new PrintWriter(out, true), new PrintWriter(err, true),
        clock, terminal, channelFactory != null ? channelFactory : (address, identity) -> {
          connections.add(address + " " + identity.getFileName());
          ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
          channels.add(channel);
          return channel;
        }, launcher, workingDirectory, convoyHome);
    int code = ConvoyCli.run(environment, args);
    return new Result(code, out.toString(), err.toString());
  }
}
