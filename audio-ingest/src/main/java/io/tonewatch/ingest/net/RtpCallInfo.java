package io.tonewatch.ingest.net;

import io.tonewatch.events.Leg;
import java.util.Map;

/**
 * A live RTP call as the control API lists it: no audio, just ports and counts.
 *
 * @param callId the call
 * @param staticMode true when static mode created it from arriving media
 * @param legs each leg's RTP port and stream counts (both legs of a stereo stream share them)
 */
public record RtpCallInfo(String callId, boolean staticMode, Map<Leg, LegInfo> legs) {
  public RtpCallInfo {
    legs = Map.copyOf(legs);
  }

  /** One leg's port and counts; the port is 0 while a static leg has no stream yet. */
  public record LegInfo(int rtpPort, StreamStats stats) {}
}
