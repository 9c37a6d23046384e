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

  /**
   * Redraws the full view in place: moves the cursor back up over the previous frame and erases below it, so that
   * what was printed before the watch (the quick start's steps) stays on screen. Meant for small campaigns: a
   * frame taller than the terminal cannot be redrawn in place.
   */
  final class InPlace implements WatchDisplay {
    private final PrintWriter out;
    private long previousLines;

    public InPlace(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void update(CampaignStatus status) {
      String frame = CampaignStatusView.render(status);
      if (previousLines > 0) {
        out.print("\033[" + previousLines + "A\r\033[J"); // cursor up N lines, column 1, erase to the end
      }
      out.print(frame);
      out.flush();
      previousLines = frame.lines().count();
    }

    @Override
    public void finish(CampaignStatus last) {
      out.flush();
    }
  }

  /**
   * One progress line per change (an update that would print the same line as the one before prints nothing), then
   * the full view at the end: readable in logs and CI output.
   */
  final class Lines implements WatchDisplay {
    private final PrintWriter out;
    private String previous = "";

    public Lines(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void update(CampaignStatus status) {
      String line = CampaignStatusView.progressLine(status);
      if (!line.equals(previous)) {
        out.println(line);
        out.flush();
        previous = line;
      }
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
