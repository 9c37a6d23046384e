package dev.convoy.e2e;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/** Reads the CLI's {@code --output json} into protocol messages. */
final class Json {
  private Json() {}

  @SuppressWarnings("unchecked")
  static <T extends Message> T parse(String json, T prototype) {
    Message.Builder builder = prototype.newBuilderForType();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not the JSON of " + prototype.getDescriptorForType().getFullName() + ": " + json, e);
    }
    return (T) builder.build();
  }
}
