package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property: for every syntax tree, {@code parse(render(tree))} is the same tree, and rendering is stable. */
class QueryRoundTripTest {
  private static final String[] NAMES = {"os", "family", "version", "software", "and", "OR", "not", "in", "exists",
      "true", "False", "g++", "with space", "", "quote\"d", "back\\slash", "tab\there", "new\nline", "é", "_x",
      "site-code", "7zip", "a.b", "[*]", "x-", "\u0001"};
  private static final String[] STRINGS = {"", "debian", "7.6", "1:2.3-1ubuntu2", "say \"hi\"", "c:\\path", "\t\r\n",
      "\u0000\u001f\u007f", "émoji \ud83d\ude00", "*?", "and", " spaced "};

  @Test
  void parseRender_randomTrees_roundTrip() {
    Random random = new Random(20261129);
    for (int i = 0; i < 2000; i++) {
      Expr tree = expr(random, 4);
      String text = tree.toString();

      Query parsed = Query.parse(text);

      assertThat(parsed.expression()).as(text).isEqualTo(tree);
      assertThat(parsed.toString()).isEqualTo(text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "os.family = \"debian\" and hardware.memory_gb < 8 and software[\"libreoffice\"].version < \"7.6\"",
      "NOT (a = 1 OR b = 2) and ((c exists)) or not not d not in [1, \"2\", TRUE]",
      "software[*].source ~ \"con\\\\*voy\" and network.interfaces[0].mac != \"x\""})
  void parseRender_handWritten_reparsesToTheSameTree(String query) {
    Query parsed = Query.parse(query);

    assertThat(Query.parse(parsed.toString())).isEqualTo(parsed);
  }

  private static Expr expr(Random random, int depth) {
    int kind = depth == 0 ? 3 : random.nextInt(6);
    return switch (kind) {
      case 0 -> new Expr.Or(operands(random, depth));
      case 1 -> new Expr.And(operands(random, depth));
      case 2 -> new Expr.Not(expr(random, depth - 1));
      default -> predicate(random);
    };
  }

  private static List<Expr> operands(Random random, int depth) {
    List<Expr> operands = new ArrayList<>();
    for (int i = 2 + random.nextInt(3); i > 0; i--) {
      operands.add(expr(random, depth - 1));
    }
    return operands;
  }

  private static Expr predicate(Random random) {
    Path path = path(random);
    return switch (random.nextInt(4)) {
      case 0 -> new Expr.Existence(path, random.nextBoolean());
      case 1 -> {
        List<Literal> values = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          values.add(literal(random));
        }
        yield new Expr.Membership(path, values, random.nextBoolean());
      }
      default -> {
        Operator operator = Operator.values()[random.nextInt(Operator.values().length)];
        Literal value = operator == Operator.GLOB ? new Literal.Str(pick(random, STRINGS)) : literal(random);
        if (operator.isOrdering() && value instanceof Literal.Bool) {
          value = new Literal.Num("0");
        }
        yield new Expr.Comparison(path, operator, value);
      }
    };
  }

  private static Path path(Random random) {
    List<Path.Segment> segments = new ArrayList<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      int kind = random.nextInt(10);
      segments.add(kind == 0 ? new Path.Wildcard() : kind == 1 ? new Path.Index(random.nextInt(12))
          : new Path.Key(pick(random, NAMES)));
    }
    return new Path(segments);
  }

  private static Literal literal(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> new Literal.Str(pick(random, STRINGS));
      case 1 -> new Literal.Num((random.nextBoolean() ? "-" : "") + random.nextInt(1000)
          + (random.nextBoolean() ? "." + String.format("%02d", random.nextInt(100)) : ""));
      default -> new Literal.Bool(random.nextBoolean());
    };
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
