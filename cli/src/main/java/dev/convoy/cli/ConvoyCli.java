package dev.convoy.cli;

import dev.convoy.cli.agent.AgentCommand;
import dev.convoy.cli.campaign.CampaignCommand;
import dev.convoy.cli.compliance.ComplianceCommand;
import dev.convoy.cli.group.GroupCommand;
import dev.convoy.cli.audit.AuditCommand;
import dev.convoy.cli.identity.IdentityCommand;
import dev.convoy.cli.identity.WhoAmICommand;
import dev.convoy.cli.inventory.InventoryCommand;
import dev.convoy.cli.notify.NotificationsCommand;
import dev.convoy.cli.quickstart.QuickstartCommand;
import dev.convoy.cli.publisher.PublisherCommand;
import dev.convoy.cli.release.PackageCommand;
import dev.convoy.cli.release.ReleaseCommand;
import dev.convoy.cli.token.TokenCommand;
import java.lang.reflect.Constructor;
import java.util.concurrent.Callable;
import dev.convoy.cli.governance.AckCommand;
import dev.convoy.cli.governance.ApproveCommand;
import dev.convoy.cli.governance.RaciCommand;
import dev.convoy.cli.tech.TechCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code convoy}: the admin command line. The composition root of the CLI: builds the picocli command tree,
 * hands every command the run's {@link CliContext}, and maps errors to exit codes ({@link ExitCodes}).
 */
@Command(
    name = "convoy",
    mixinStandardHelpOptions = true,
    versionProvider = ConvoyCli.Version.class,
    description = "Administers a Convoy server: enrollment tokens, agents, publisher keys, releases, campaigns, inventory and groups.%n"
        + "Connects with mutual TLS to --server (default $CONVOY_SERVER) as --identity (default $CONVOY_IDENTITY).",
    subcommands = {
        WhoAmICommand.class,
        TokenCommand.class,
        AgentCommand.class,
        PackageCommand.class,
        ReleaseCommand.class,
        dev.convoy.cli.kb.KbCommand.class,
        PublisherCommand.class,
        CampaignCommand.class,
        RaciCommand.class,
        ApproveCommand.class,
        AckCommand.class,
        InventoryCommand.class,
        GroupCommand.class,
        ComplianceCommand.class,
        AuditCommand.class,
        NotificationsCommand.class,
        IdentityCommand.class,
        QuickstartCommand.class,
        TechCommand.class,
        CommandLine.HelpCommand.class
    })
public final class ConvoyCli implements Callable<Integer> {
  private final CliContext context;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  ConvoyCli(CliContext context) {
    this.context = context;
  }

  @Option(names = "--server", paramLabel = "HOST:PORT", scope = ScopeType.INHERIT,
      description = "The server to talk to (default: $CONVOY_SERVER).")
  void server(String value) {
    context.serverOption(value);
  }

  @Option(names = "--identity", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Your identity file: key, certificate and CA in one PEM (default: $CONVOY_IDENTITY).")
  void identity(String value) {
    context.identityOption(value);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.err());
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), args));
  }

  /** Runs one command line in {@code environment} and returns its exit code; never calls System.exit. */
  public static int run(CliEnvironment environment, String... args) {
    try (CliContext context = new CliContext(environment)) {
      CommandLine cli = commandLine(context);
      int code = cli.execute(args);
      environment.out().flush();
      environment.err().flush();
      return code;
    }
  }

  static CommandLine commandLine(CliContext context) {
    ErrorHandler errors = new ErrorHandler(context);
    return new CommandLine(new ConvoyCli(context), new ContextFactory(context))
        .setOut(context.out())
        .setErr(context.err())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }

  /** Gives every command class with a {@code (CliContext)} constructor the run's context. */
  private record ContextFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
        constructor.setAccessible(true);
        return constructor.newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }

  /** The version from the jar manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ConvoyCli.class.getPackage().getImplementationVersion();
      return new String[] {"convoy " + (version == null ? "(development build)" : version)};
    }
  }
}
