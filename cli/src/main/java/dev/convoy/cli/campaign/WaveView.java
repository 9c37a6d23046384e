package dev.convoy.cli.campaign;

import dev.convoy.cli.output.ProgressBar;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.WaveState;
import dev.convoy.protocol.v1.WaveStatus;
import java.util.List;

/**
 * Waves as people read them: numbered from 1 (the proto counts from 0; {@code campaign rollback --wave} takes the
 * number shown here), the state without its {@code WAVE_} prefix, a bar, the success percentage of the wave's
 * size and the failure percentage of its finished deployments (what the error threshold judges), the soak end and
 * the server's gate in words. Stateless.
 */
public final class WaveView {
  static final int BAR_WIDTH = 20;

  private WaveView() {}

  /** {@code 2 broad}: the 1-based number and the name. */
  public static String label(int index, String name) {
    return (index + 1) + (name.isEmpty() ? "" : " " + name);
  }

  /** {@code OPEN}, {@code AWAITING_GO}: the state without its prefix. */
  public static String state(WaveState state) {
    return state.name().startsWith("WAVE_") ? state.name().substring(5) : state.name();
  }

  /** One row per wave, indented by two spaces, then a line for each wave that needs the admin. */
  public static String render(Campaign campaign, List<WaveStatus> waves) {
    Table table = new Table("WAVE", "STATE", "SIZE", "OK", "FAILED", "ACTIVE", "PROGRESS", "OK%", "FAIL%",
        "SOAK UNTIL", "GATE");
    for (WaveStatus wave : waves) {
      int succeeded = Math.max(0, wave.getSucceeded());
      int failed = Math.max(0, wave.getFailed());
      int size = Math.max(wave.getSize(), succeeded + failed);
      table.row(label(wave.getIndex(), wave.getName()), state(wave.getState()), String.valueOf(wave.getSize()),
          String.valueOf(succeeded), String.valueOf(failed), String.valueOf(wave.getInProgress()),
          ProgressBar.render(succeeded, failed, size, BAR_WIDTH), ProgressBar.percent(succeeded, size) + "%",
          (succeeded + failed == 0 ? 0 : ProgressBar.percent(failed, succeeded + failed)) + "%",
          Times.iso(wave.getSoakUntil()), wave.getGate());
    }
    StringBuilder text = new StringBuilder(table.render("  "));
    for (WaveStatus wave : waves) {
      hint(campaign, wave, text);
    }
    return text.toString();
  }

  /** {@code wave 2/3 broad OPEN}: for the one-line watch output. */
  static String current(List<WaveStatus> waves, int current) {
    for (WaveStatus wave : waves) {
      if (wave.getIndex() == current) {
        return "wave " + (current + 1) + "/" + waves.size() + (wave.getName().isEmpty() ? "" : " " + wave.getName())
            + " " + state(wave.getState());
      }
    }
    return "wave " + (current + 1) + "/" + waves.size();
  }

  private static void hint(Campaign campaign, WaveStatus wave, StringBuilder text) {
    String label = "Wave " + label(wave.getIndex(), wave.getName());
    switch (wave.getState()) {
      case WAVE_AWAITING_GO -> text.append("  ").append(label).append(" awaits your go: convoy campaign advance ")
          .append(campaign.getCampaignId()).append('\n');
      case WAVE_BREACHED -> text.append("  ").append(label).append(" breached its error threshold: convoy campaign"
          + " report ").append(campaign.getCampaignId()).append(" lists the failures\n");
      case WAVE_STALLED -> text.append("  ").append(label).append(" finished below its success threshold\n");
      default -> { }
    }
  }
}
