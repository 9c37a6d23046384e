package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.protocol.v1.Targets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsParserTest {
  @Test
  void parse_group_setsGroup() {
    assertThat(TargetsParser.parse(List.of("group:lab")))
        .isEqualTo(Targets.newBuilder().addGroups("lab").build());
  }

  @Test
  void parse_all_setsAll() {
    assertThat(TargetsParser.parse(List.of("all"))).isEqualTo(Targets.newBuilder().setAll(true).build());
  }

  @Test
  void parse_endpointListWithoutRepeatedPrefix_continuesTheKind() {
    Targets targets = TargetsParser.parse(List.of("endpoint:ep-1,ep-2, ep-3"));

    assertThat(targets.getEndpointIdsList()).containsExactly("ep-1", "ep-2", "ep-3");
    assertThat(targets.getGroupsList()).isEmpty();
  }

  @Test
  void parse_repeatedAndMixed_collectsInOrderWithoutDuplicates() {
    Targets targets = TargetsParser.parse(
        List.of("group:lab,endpoint:ep-1", "group:office,group:lab", "endpoint:ep-1"));

    assertThat(targets.getGroupsList()).containsExactly("lab", "office");
    assertThat(targets.getEndpointIdsList()).containsExactly("ep-1");
    assertThat(targets.getAll()).isFalse();
  }

  @Test
  void parse_bareNameFirst_namesItemAndForms() {
    assertThatThrownBy(() -> TargetsParser.parse(List.of("lab")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'lab' in 'lab' (expected: group:G, all, or endpoint:ID[,ID...]; comma separated or repeated)");
  }

  @Test
  void parse_unknownPrefix_rejected() {
    assertThatThrownBy(() -> TargetsParser.parse(List.of("group:lab,host:pc-1")))
        .hasMessageStartingWith("'host:pc-1' in 'group:lab,host:pc-1' (expected:");
  }

  @Test
  void parse_emptyName_rejected() {
    assertThatThrownBy(() -> TargetsParser.parse(List.of("endpoint:")))
        .hasMessageStartingWith("'endpoint:' has an empty name");
    assertThatThrownBy(() -> TargetsParser.parse(List.of("group:lab,,x")))
        .hasMessageStartingWith("'' in 'group:lab,,x'");
  }

  @Test
  void parse_allWithOthers_rejected() {
    assertThatThrownBy(() -> TargetsParser.parse(List.of("all,group:lab")))
        .hasMessageContaining("'all' already targets every endpoint");
  }

  @Test
  void parse_nothing_rejected() {
    assertThatThrownBy(() -> TargetsParser.parse(List.of())).hasMessageStartingWith("nothing targeted");
  }

  @Test
  void format_roundTrips() {
    assertThat(TargetsParser.format(TargetsParser.parse(List.of("group:lab,endpoint:ep-1,ep-2"))))
        .isEqualTo("group:lab, endpoint:ep-1, endpoint:ep-2");
    assertThat(TargetsParser.format(Targets.newBuilder().setAll(true).build())).isEqualTo("all");
  }
}
