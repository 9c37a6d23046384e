package dev.convoy.cli.output;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/**
 * Protobuf messages as JSON for scripts: the canonical proto3 JSON mapping, with fields that hold their default
 * value printed too, so that a key never disappears because a count is 0.
 */
public final class Json {
  private static final JsonFormat.Printer PRETTY = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();
  private static final JsonFormat.Printer COMPACT = PRETTY.omittingInsignificantWhitespace();

  private Json() {}

  /** One indented JSON document. */
  public static String pretty(MessageOrBuilder message) {
    return print(PRETTY, message);
  }

  /** One JSON document on one line: for streams of updates (JSON Lines). */
  public static String compact(MessageOrBuilder message) {
    return print(COMPACT, message);
  }

  private static String print(JsonFormat.Printer printer, MessageOrBuilder message) {
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      // Only Any fields with unknown types fail to print; our messages have none.
      throw new IllegalStateException("cannot print " + message.getDescriptorForType().getFullName(), e);
    }
  }
}
