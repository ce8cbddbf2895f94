package io.tonewatch.ingest.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What the UDP side needs of the configuration (checked in full by {@code IngestConfig}).
 *
 * @param bindAddress where every port binds
 * @param rtpPortMin lowest port of the control API's range
 * @param rtpPortMax highest port of that range
 * @param maxDatagramBytes larger datagrams are counted {@code OVERSIZED}
 * @param sourceFilter networks media may come from
 * @param sourceRateLimitPps packets per second per source address, 0 for no limit
 * @param rateLimitMaxSources source addresses the rate limiter tracks
 * @param staticMode static mode's settings, or null when it is off
 */
public record UdpSettings(
    InetAddress bindAddress,
    int rtpPortMin,
    int rtpPortMax,
    int maxDatagramBytes,
    SourceFilter sourceFilter,
    int sourceRateLimitPps,
    int rateLimitMaxSources,
    StaticMode staticMode) {

  public UdpSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(sourceFilter, "sourceFilter");
    if (rtpPortMin < 1 || rtpPortMax > 65535 || rtpPortMax <= rtpPortMin || maxDatagramBytes < 1) {
      throw new IllegalArgumentException(
          "bad RTP range "
              + rtpPortMin
              + "-"
              + rtpPortMax
              + " or datagram size "
              + maxDatagramBytes);
    }
  }

  /**
   * Static mode.
   *
   * @param portMin lowest static port (even)
   * @param portMax highest static port
   * @param pairBy how new streams pair into calls
   * @param pairWindow pair-by=arrival: how long a first stream waits for its partner
   */
  public record StaticMode(int portMin, int portMax, PairBy pairBy, Duration pairWindow) {
    public StaticMode {
      Objects.requireNonNull(pairBy, "pairBy");
      Objects.requireNonNull(pairWindow, "pairWindow");
      if (portMin < 1 || portMax > 65535 || portMax <= portMin || portMin % 2 != 0) {
        throw new IllegalArgumentException("bad static range " + portMin + "-" + portMax);
      }
    }
  }
}
