package io.tonewatch.ingest.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks media may come from ({@code ingest.allowed-networks}): a datagram from anywhere else
 * is counted {@code REJECTED_SOURCE} and dropped. Immutable, so any thread may ask.
 */
public final class SourceFilter {
  private final List<Cidr> networks;

  public SourceFilter(List<Cidr> networks) {
    this.networks = List.copyOf(networks);
  }

  /** Parses a comma-separated list such as {@code 10.0.0.0/8, ::1}; blank entries are skipped. */
  public static SourceFilter parse(String commaSeparated) {
    List<Cidr> networks = new ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      if (!part.isBlank()) {
        networks.add(Cidr.parse(part));
      }
    }
    return new SourceFilter(networks);
  }

  /** A filter that lets every address through. */
  public static SourceFilter allowAll() {
    return parse("0.0.0.0/0,::/0");
  }

  /** True when {@code address} lies in one of the networks. */
  public boolean allows(InetAddress address) {
    for (Cidr network : networks) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }

  public List<Cidr> networks() {
    return networks;
  }
}
