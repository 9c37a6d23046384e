package dev.convoy.cli;

import dev.convoy.transport.Channels;
import dev.convoy.transport.Identity;
import dev.convoy.transport.ServerAddress;
import dev.convoy.transport.TlsContexts;
import io.grpc.ManagedChannel;
import java.nio.file.Path;

/** Opens the channel to a Convoy server. Production uses mutual TLS; tests plug in an in-process channel. */
@FunctionalInterface
public interface ChannelFactory {
  /**
   * Opens a channel to {@code address} that authenticates as the identity in {@code identityFile}.
   *
   * @throws IllegalArgumentException if the identity file is missing or malformed
   */
  ManagedChannel open(ServerAddress address, Path identityFile);

  /** Mutual TLS 1.3 with the identity file's key and certificate, trusting only its CA. */
  static ChannelFactory mutualTls() {
    return (address, identityFile) -> Channels.open(address, TlsContexts.client(Identity.load(identityFile)));
  }
}
