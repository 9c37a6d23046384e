package dev.convoy.cli.campaign.options;

import dev.convoy.protocol.v1.Delivery;
import dev.convoy.protocol.v1.ErrorAction;
import dev.convoy.protocol.v1.Execution;
import dev.convoy.protocol.v1.Rollout;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The words of the campaign's choice options ({@code --delivery push|pull}, {@code --rollout big-bang|phased},
 * {@code --execution automatic|technician}, {@code --on-error pause|abort}) and back. Case-insensitive;
 * {@code big_bang} is taken for {@code big-bang}. Stateless.
 */
public final class Choices {
  private Choices() {}

  /** The word for an enum value: {@code BIG_BANG} → {@code big-bang}; {@code -} for an unset one. */
  public static String word(Enum<?> value) {
    String name = value.name();
    return name.endsWith("_UNSPECIFIED") ? "-" : name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The enum value {@code text} names among {@code values}, if any. */
  static <E extends Enum<E>> Optional<E> find(String text, Map<String, E> values) {
    String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Optional.ofNullable(values.get(key));
  }

  private static <E extends Enum<E>> Map<String, E> words(E[] values) {
    Map<String, E> words = new LinkedHashMap<>();
    for (E value : values) {
      if (!value.name().endsWith("_UNSPECIFIED") && !value.name().equals("UNRECOGNIZED")) {
        words.put(word(value), value);
      }
    }
    return words;
  }

  /** Base converter: the text's enum value or a message listing the words. */
  private abstract static class Converter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
    private final Map<String, E> words;

    Converter(E[] values) {
      this.words = words(values);
    }

    @Override
    public E convert(String text) {
      return find(text, words).orElseThrow(() -> new CommandLine.TypeConversionException("'" + text
          + "' (expected: " + String.join(" or ", words.keySet()) + ")"));
    }
  }

  /** {@code push|pull}. */
  public static final class DeliveryConverter extends Converter<Delivery> {
    public DeliveryConverter() {
      super(Delivery.values());
    }
  }

  /** {@code big-bang|phased}. */
  public static final class RolloutConverter extends Converter<Rollout> {
    public RolloutConverter() {
      super(Rollout.values());
    }
  }

  /** {@code automatic|technician}. */
  public static final class ExecutionConverter extends Converter<Execution> {
    public ExecutionConverter() {
      super(Execution.values());
    }
  }

  /** {@code pause|abort}. */
  public static final class ErrorActionConverter extends Converter<ErrorAction> {
    public ErrorActionConverter() {
      super(ErrorAction.values());
    }
  }
}
