package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy campaign pause|resume|abort|cancel|advance ID [--comment TEXT]}: one state change of a campaign.
 * The server answers the campaign once the change is durable and refuses (FAILED_PRECONDITION, exit 1) a command
 * that does not apply to the campaign's state. Subclasses name the call and what to say next.
 */
public abstract class CampaignControlCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The campaign id.")
  private String campaignId;

  @Option(names = "--comment", paramLabel = "TEXT",
      description = "Why: kept in the campaign's state reason and shown by status.")
  private String comment = "";

  @Mixin
  private OutputOption output;

  private final BiFunction<AdminServiceBlockingStub, CampaignCommandRequest, Campaign> send;
  private final Function<Campaign, String> next;

  /**
   * @param send the admin call of this command
   * @param next what the admin may want to do next, for stderr
   */
  CampaignControlCommand(CliContext context, BiFunction<AdminServiceBlockingStub, CampaignCommandRequest,
      Campaign> send, Function<Campaign, String> next) {
    super(context);
    this.send = send;
    this.next = next;
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    Campaign campaign = send.apply(context.admin(),
        CampaignCommandRequest.newBuilder().setCampaignId(campaignId).setComment(comment).build());
    if (json) {
      context.out().println(Json.pretty(campaign));
    } else {
      context.out().print(CampaignView.render(campaign));
      context.err().println(next.apply(campaign));
    }
    return ExitCodes.OK;
  }
}
