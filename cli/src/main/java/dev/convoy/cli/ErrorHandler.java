package dev.convoy.cli;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns what a command threw into one {@code error: ...} line on stderr and an exit code: gRPC status → 1 with the
 * code and description, {@link UsageException} → 2, anything else → 1. Stack traces go to the debug log only.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  private static final Logger logger = LoggerFactory.getLogger(ErrorHandler.class);

  private final CliContext context;

  ErrorHandler(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleExecutionException(Exception thrown, CommandLine command, CommandLine.ParseResult parsed) {
    Throwable ex = unwrap(thrown);
    PrintWriter err = context.err();
    if (ex instanceof UsageException) {
      return usage(ex.getMessage(), command);
    }
    if (ex instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted");
      return ExitCodes.INTERRUPTED;
    }
    Status status = statusOf(ex);
    if (status != null) {
      err.println("error: " + describe(status));
    } else {
      logger.debug("command failed command={}", command.getCommandName(), ex);
      err.println("error: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
    }
    err.flush();
    return ExitCodes.FAILED;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = context.err();
    err.println("error: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    return usage(null, command);
  }

  /** {@code CODE: description}; UNAVAILABLE says which address could not be reached. */
  String describe(Status status) {
    String description = status.getDescription();
    if (status.getCode() == Status.Code.UNAVAILABLE) {
      String where = context.resolvedAddress().map(a -> " at " + a).orElse("");
      return "UNAVAILABLE: the server could not be reached" + where
          + (description == null ? "" : " (" + description + ")");
    }
    return status.getCode() + (description == null ? "" : ": " + description);
  }

  private int usage(String message, CommandLine command) {
    PrintWriter err = context.err();
    if (message != null) {
      err.println("error: " + message);
    }
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static Status statusOf(Throwable ex) {
    if (ex instanceof StatusRuntimeException s) {
      return s.getStatus();
    }
    if (ex instanceof StatusException s) {
      return s.getStatus();
    }
    return null;
  }

  private static Throwable unwrap(Throwable ex) {
    Throwable current = ex;
    while ((current instanceof ExecutionException || current instanceof CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
