package dev.convoy.agent;

import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.ServerAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line value types; a malformed value is a usage error naming what was expected. */
final class Converters {
  private Converters() {}

  static final class ServerAddressConverter implements ITypeConverter<ServerAddress> {
    @Override
    public ServerAddress convert(String value) {
      try {
        return ServerAddress.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class FingerprintConverter implements ITypeConverter<Fingerprint> {
    @Override
    public Fingerprint convert(String value) {
      try {
        return Fingerprint.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class RateConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        long rate = Long.parseLong(value.trim());
        if (rate >= 0) {
          return rate;
        }
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
      throw new TypeConversionException("'" + value + "' (expected: bytes per second, >= 0; 0 = unlimited)");
    }
  }
}
