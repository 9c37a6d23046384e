package dev.convoy.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void render_header_alignedAndTrailingSpacesTrimmed() {
    String text = new Table("A", "LONG HEADER", "C").row("xx", "y", "").row("x", "", "z").render();

    assertThat(text).isEqualTo("""
        A   LONG HEADER  C
        xx  y
        x                z
        """);
  }

  @Test
  void render_nonAsciiAndSurrogatePairs_alignByCodePoints() {
    String text = new Table("SITE", "N").row("Poste de Zoé, 2ᵉ étage", "1").row("\uD83D\uDCBB lab", "2").render();

    assertThat(text).isEqualTo("""
        SITE                    N
        Poste de Zoé, 2ᵉ étage  1
        \uD83D\uDCBB lab                   2
        """);
  }

  @Test
  void row_controlCharacters_escapedOnOneLine() {
    String text = new Table("K", "V").row("note", "Écran \"4K\"\nprêté\tpar\r\u001b[31m").render();

    assertThat(text).isEqualTo("K     V\nnote  Écran \"4K\"\\nprêté\\tpar\\r\\u001b[31m\n");
  }

  @Test
  void withoutHeader_indented_onlyRows() {
    String text = Table.withoutHeader(2).row("name", "pc-zoe").row("timezone", "Europe/Paris").render("  ");

    assertThat(text).isEqualTo("  name      pc-zoe\n  timezone  Europe/Paris\n");
  }

  @Test
  void row_wrongCellCount_throws() {
    assertThatThrownBy(() -> Table.withoutHeader(2).row("a")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row: 1 cells (expected: 2)");
  }
}
