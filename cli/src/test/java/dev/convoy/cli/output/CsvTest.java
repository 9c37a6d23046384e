package dev.convoy.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void field_plain_asIs() {
    assertThat(Csv.field("pc-zoe")).isEqualTo("pc-zoe");
    assertThat(Csv.field("")).isEmpty();
    assertThat(Csv.field(null)).isEmpty();
  }

  @Test
  void field_nonAsciiWithoutSeparators_notQuoted() {
    assertThat(Csv.field("Poste de Zoé 2ᵉ étage")).isEqualTo("Poste de Zoé 2ᵉ étage");
  }

  @Test
  void field_comma_quoted() {
    assertThat(Csv.field("Poste de Zoé, 2ᵉ étage")).isEqualTo("\"Poste de Zoé, 2ᵉ étage\"");
  }

  @Test
  void field_quotes_quotedAndDoubled() {
    assertThat(Csv.field("Écran \"4K\"")).isEqualTo("\"Écran \"\"4K\"\"\"");
    assertThat(Csv.field("\"")).isEqualTo("\"\"\"\"");
  }

  @Test
  void field_lineBreaks_quotedAndKept() {
    assertThat(Csv.field("a\nb")).isEqualTo("\"a\nb\"");
    assertThat(Csv.field("a\r\nb")).isEqualTo("\"a\r\nb\"");
    assertThat(Csv.field("a\rb")).isEqualTo("\"a\rb\"");
  }

  @Test
  void field_otherPunctuation_notQuoted() {
    assertThat(Csv.field("a;b\tc 'd'")).isEqualTo("a;b\tc 'd'");
  }

  @Test
  void render_headerAndRows_crlfAfterEveryRecord() {
    String csv = new Csv("path", "type", "value")
        .row("facts.site", "text", "Poste de Zoé, 2ᵉ étage")
        .row("facts.note", "text", "line 1\nline \"2\"")
        .row("facts.empty", null, "")
        .render();

    assertThat(csv).isEqualTo("path,type,value\r\n"
        + "facts.site,text,\"Poste de Zoé, 2ᵉ étage\"\r\n"
        + "facts.note,text,\"line 1\nline \"\"2\"\"\"\r\n"
        + "facts.empty,,\r\n");
  }

  @Test
  void render_headerOnly_oneRecord() {
    assertThat(new Csv("a", "b,c").render()).isEqualTo("a,\"b,c\"\r\n");
  }

  @Test
  void row_wrongFieldCount_throwsNamingCounts() {
    assertThatThrownBy(() -> new Csv("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("csv row: 1 fields (expected: 2)");
  }

  @Test
  void constructor_noColumns_throws() {
    assertThatThrownBy(Csv::new).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("csv header: no columns (expected: at least one)");
  }
}
