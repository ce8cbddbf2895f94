package io.tonewatch.ingest.net;

import io.tonewatch.events.Leg;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP stream on the UDP loop: its receiver, the legs it carries and what housekeeping last saw
 * of it. Owned by the loop thread; a receiver that throws is logged at DEBUG, never kills the loop.
 */
final class RtpStream {
  private static final Logger LOG = LoggerFactory.getLogger(RtpStream.class);

  private final String callId;
  private final int rtpPort;
  private final List<Leg> legs;
  private final MediaReceiver receiver;
  private long lastSeenArrivalNanos;
  private boolean finished;

  RtpStream(String callId, int rtpPort, List<Leg> legs, MediaReceiver receiver) {
    this.callId = callId;
    this.rtpPort = rtpPort;
    this.legs = List.copyOf(legs);
    this.receiver = receiver;
    this.lastSeenArrivalNanos = receiver.lastArrivalNanos();
  }

  void onDatagram(byte[] buf, int offset, int length, long arrivalNanos) {
    if (!finished) {
      receiver.onDatagram(buf, offset, length, arrivalNanos);
    }
  }

  void tick(long nowNanos) {
    if (finished) {
      return;
    }
    try {
      receiver.onTick(nowNanos);
    } catch (RuntimeException e) {
      LOG.debug("call {} port {}: receiver tick failed", callId, rtpPort, e);
    }
  }

  void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      receiver.finish();
    } catch (RuntimeException e) {
      LOG.debug("call {} port {}: receiver finish failed", callId, rtpPort, e);
    }
  }

  /** True (once) when the receiver accepted media since the last call of this method. */
  boolean mediaArrivedSinceLastLook() {
    long last = receiver.lastArrivalNanos();
    if (last == lastSeenArrivalNanos) {
      return false;
    }
    lastSeenArrivalNanos = last;
    return true;
  }

  long lastArrivalNanos() {
    return receiver.lastArrivalNanos();
  }

  StreamStats stats() {
    try {
      return receiver.stats();
    } catch (RuntimeException e) {
      return StreamStats.NONE;
    }
  }

  String callId() {
    return callId;
  }

  int rtpPort() {
    return rtpPort;
  }

  List<Leg> legs() {
    return legs;
  }
}
