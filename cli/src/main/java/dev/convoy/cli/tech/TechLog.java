package dev.convoy.cli.tech;

import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.TechnicianLogLine;
import dev.convoy.protocol.v1.TechnicianLogRequest;
import java.util.Iterator;

/** Prints a job's install output, following it to the install's end when asked. Not thread-safe. */
final class TechLog {
  private TechLog() {}

  /**
   * @return {@link ExitCodes#OK}, or {@link ExitCodes#FAILED} when a followed install ended in a failure (its
   *     state and exit code are printed)
   */
  static int print(CliContext context, String jobId, boolean follow) {
    Iterator<TechnicianLogLine> lines = context.admin()
        .followTechnicianLog(TechnicianLogRequest.newBuilder().setJobId(jobId).setFollow(follow).build());
    int exit = ExitCodes.OK;
    while (lines.hasNext()) {
      TechnicianLogLine line = lines.next();
      if (line.getDropped() > 0) {
        context.out().println("... " + line.getDropped() + " line(s) dropped ...");
      }
      if (!line.getEnd()) {
        context.out().println(line.getText());
        continue;
      }
      context.err().println(line.getText());
      DeploymentState state = line.getFinalState();
      if (state != DeploymentState.SUCCEEDED && state != DeploymentState.ALREADY_INSTALLED) {
        context.err().println(TechJobView.failure(state, line.getExitCode()));
        context.err().println("Sign it off: convoy tech finish " + jobId + " --failed --note TEXT; roll back: convoy"
            + " tech rollback " + jobId);
        exit = ExitCodes.FAILED;
      } else {
        context.err().println("Next: convoy tech step " + jobId + " --done");
      }
    }
    context.out().flush();
    return exit;
  }
}
