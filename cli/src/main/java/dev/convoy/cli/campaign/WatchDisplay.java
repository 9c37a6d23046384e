package dev.convoy.cli.campaign;

import dev.convoy.cli.output.Json;
import dev.convoy.protocol.v1.CampaignStatus;
import java.io.PrintWriter;

/**
 * How {@code campaign status --watch} (and the quick start) shows each update of a campaign.
 * Implementations are not thread-safe: the watch calls them from one thread.
 */
public interface WatchDisplay {
  /** A new status arrived. */
  void update(CampaignStatus status);

  /** The watch ended with {@code last} (terminal or not). */
  void finish(CampaignStatus last);

  /** Picks the display: JSON Lines for scripts, redraws on a terminal, one progress line per update otherwise. */
  static WatchDisplay choose(PrintWriter out, boolean json, boolean terminal) {
    if (json) {
      return new JsonLines(out);
    }
    return terminal ? new Redraw(out) : new Lines(out);
  }

  /** Clears the screen and redraws the full view on every update (ANSI: cursor home, erase display). */
  final class Redraw implements WatchDisplay {
    static final String CLEAR = "\033[H\033[2J";
    private final PrintWriter out;

    public Redraw(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void update(CampaignStatus status) {
      out.print(CLEAR + CampaignStatusView.render(status));
      out.flush();
    }

    @Override
    public void finish(CampaignStatus last) {
      out.flush(); // the last redraw already shows the final view
    }
  }

  /** One progress line per update, then the full view at the end: readable in logs and CI output. */
  final class Lines implements WatchDisplay {
    private final PrintWriter out;

    public Lines(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void update(CampaignStatus status) {
      out.println(CampaignStatusView.progressLine(status));
      out.flush();
    }

    @Override
    public void finish(CampaignStatus last) {
      out.println();
      out.print(CampaignStatusView.render(last));
      out.flush();
    }
  }

  /** One compact JSON document per update (JSON Lines). */
  final class JsonLines implements WatchDisplay {
    private final PrintWriter out;

    public JsonLines(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void update(CampaignStatus status) {
      out.println(Json.compact(status));
      out.flush();
    }

    @Override
    public void finish(CampaignStatus last) {
      out.flush();
    }
  }
}
