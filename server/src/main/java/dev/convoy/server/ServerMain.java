package dev.convoy.server;

import dev.convoy.server.error.ConvoyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convoy-server}: {@code init} a data directory, {@code run} the server on it, or issue a person
 * {@code identity} on it while it is stopped. Exit codes: 0 success
 * (also after SIGTERM), 1 refused or failed (message on stderr), 2 usage error.
 */
@Command(name = "convoy-server", mixinStandardHelpOptions = true, version = "convoy-server 0.1.0",
    description = "The Convoy server: catalogue, campaigns, enrollment, over gRPC with mutual TLS.",
    subcommands = {ServerMain.Init.class, ServerMain.Run.class, IdentityCommand.class})
public final class ServerMain implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // init is a one-shot command whose output is for people; its storage logs would only be noise
    configureLogging(args.length > 0 && (args[0].equals("init") || args[0].equals("identity")) ? "warn" : "info");
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; {@code run} returns only once the server stopped. */
  public static int execute(String... args) {
    return new CommandLine(new ServerMain()).execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: init, run or identity");
  }

  /** slf4j-simple settings, unless the operator set them: timestamps, short names, quiet Netty. */
  private static void configureLogging(String level) {
    String prefix = "org.slf4j.simpleLogger.";
    System.setProperty(prefix + "defaultLogLevel", System.getProperty(prefix + "defaultLogLevel", level));
    System.setProperty(prefix + "showDateTime", System.getProperty(prefix + "showDateTime", "true"));
    System.setProperty(prefix + "dateTimeFormat",
        System.getProperty(prefix + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
    System.setProperty(prefix + "showShortLogName", System.getProperty(prefix + "showShortLogName", "true"));
    System.setProperty(prefix + "log.io.netty", System.getProperty(prefix + "log.io.netty", "warn"));
    System.setProperty(prefix + "log.io.grpc", System.getProperty(prefix + "log.io.grpc", "warn"));
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Create the CA, the server identity and the first admin identity in DIR.")
  static final class Init implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory to create.")
    Path data;

    @Option(names = "--san", paramLabel = "NAME", arity = "1..*",
        description = "Server certificate DNS name or IP address (repeatable; default: localhost, 127.0.0.1).")
    List<String> sans = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "0.0.0.0:8443",
        description = "Address the server will listen on (default: ${DEFAULT-VALUE}).")
    String listen;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        ServerInitializer.Result result = ServerInitializer.init(data, sans, ListenAddress.parse(listen),
            Clock.systemUTC());
        out.println("Initialised Convoy server data directory " + result.dataDirectory());
        out.println("CA fingerprint: " + result.caFingerprint());
        out.println("Listen address: " + result.listen());
        out.println("Admin identity: " + result.adminIdentity() + " (person admin, role admin; keep it secret)");
        out.println();
        out.println("Next steps:");
        out.println("  convoy-server run --data " + result.dataDirectory());
        String port = result.listen().port() == 0
            ? "$(cat " + result.dataDirectory().resolve("server.port") + ")"
            : String.valueOf(result.listen().port());
        out.println("  export CONVOY_IDENTITY=" + result.adminIdentity() + " CONVOY_SERVER=localhost:" + port);
        out.println("  convoy token create --group default --uses 10");
        out.println("  convoy-agent enroll --server HOST:" + port
            + " --token TOKEN --ca-fingerprint " + result.caFingerprint() + " --data AGENT_DIR");
        out.flush();
        return 0;
      } catch (ConvoyException | IllegalArgumentException | IOException e) {
        return fail(spec, "init", e);
      }
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the server on an initialised DIR.")
  static final class Run implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Initialised data directory.")
    Path data;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
        description = "Address to listen on (default: listen= in DIR/server.properties).")
    String listen;

    @Override
    public Integer call() {
      ConvoyServer server;
      try {
        ServerConfig config = ServerConfig.load(data);
        if (listen != null) {
          config = config.withListen(ListenAddress.parse(listen));
        }
        server = ConvoyServer.start(config, Clock.systemUTC());
      } catch (ConvoyException | IllegalArgumentException | IOException e) {
        return fail(spec, "run", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.stop();
        System.out.flush();
        System.err.flush();
        // A signal-initiated exit would report 128+signal; a clean stop on SIGTERM is a success.
        Runtime.getRuntime().halt(0);
      }, "convoy-shutdown"));
      try {
        server.awaitTermination();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        server.stop();
      }
      return 0;
    }
  }

  private static int fail(CommandLine.Model.CommandSpec spec, String command, Exception e) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("convoy-server " + command + ": " + e.getMessage());
    err.flush();
    return 1;
  }
}
