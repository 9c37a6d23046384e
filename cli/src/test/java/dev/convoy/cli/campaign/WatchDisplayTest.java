package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.CampaignStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class WatchDisplayTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @Test
  void choose_byFormatAndTerminal() {
    assertThat(WatchDisplay.choose(out, true, true)).isInstanceOf(WatchDisplay.JsonLines.class);
    assertThat(WatchDisplay.choose(out, false, true)).isInstanceOf(WatchDisplay.Redraw.class);
    assertThat(WatchDisplay.choose(out, false, false)).isInstanceOf(WatchDisplay.Lines.class);
  }

  @Test
  void inPlace_secondFrame_movesUpOverTheFirstAndErases() {
    CampaignStatus status = CampaignStatusViewTest.mixed();
    String frame = CampaignStatusView.render(status);
    WatchDisplay display = new WatchDisplay.InPlace(out);

    display.update(status);
    display.update(status);

    assertThat(text.toString()).isEqualTo(frame + "\033[" + frame.lines().count() + "A\r\033[J" + frame);
  }

  @Test
  void redraw_clearsTheScreenBeforeEveryFrame() {
    CampaignStatus status = CampaignStatusViewTest.mixed();
    WatchDisplay display = new WatchDisplay.Redraw(out);

    display.update(status);

    assertThat(text.toString()).isEqualTo("\033[H\033[2J" + CampaignStatusView.render(status));
  }
}
