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
  private final boolean ipv4All;
  private final boolean ipv6All;

  public SourceFilter(List<Cidr> networks) {
    this.networks = List.copyOf(networks);
    // The default lets every address through: answer that without walking the list per packet.
    this.ipv4All =
        this.networks.stream().anyMatch(n -> n.prefixBits() == 0 && n.network().length == 4);
    this.ipv6All =
        this.networks.stream().anyMatch(n -> n.prefixBits() == 0 && n.network().length == 16);
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
    if (address instanceof java.net.Inet4Address ? ipv4All : ipv6All) {
      return true;
    }
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
