package io.tonewatch.ingest.net;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.call.CallRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RTP calls the UDP loop serves and their streams: ticks every receiver, tells the registry
 * which calls had media, publishes the call list for the control API, and ends a call in the order
 * the sink expects (receivers flushed, ports released, then {@code CallEnded}). Owned by the loop
 * thread; only {@link #views()} is read by others.
 */
final class LiveStreams {
  private final CallRegistry registry;
  private final Map<String, Entry> calls = new HashMap<>();
  private final List<RtpStream> streams = new ArrayList<>();
  private final ConcurrentHashMap<String, RtpCallInfo> views = new ConcurrentHashMap<>();

  LiveStreams(CallRegistry registry) {
    this.registry = registry;
  }

  /** Starts serving an admitted call; {@code cleanup} runs when it ends (e.g. releases ports). */
  void addCall(String callId, boolean staticMode, Set<Leg> legs, Runnable cleanup) {
    calls.put(callId, new Entry(staticMode, legs, cleanup));
    refreshView(callId);
  }

  /** Adds a stream to a call added before. */
  void addStream(RtpStream stream) {
    Entry entry = calls.get(stream.callId());
    if (entry == null) {
      throw new IllegalStateException("call " + stream.callId() + " is not served");
    }
    entry.streams.add(stream);
    streams.add(stream);
    refreshView(stream.callId());
  }

  boolean serves(String callId) {
    return calls.containsKey(callId);
  }

  void tick(long nowNanos) {
    for (int i = 0; i < streams.size(); i++) {
      streams.get(i).tick(nowNanos);
    }
  }

  /** Touches the registry for calls with fresh media and refreshes the listed counts. */
  void housekeeping() {
    for (Map.Entry<String, Entry> e : calls.entrySet()) {
      long latest = 0;
      boolean fresh = false;
      for (RtpStream stream : e.getValue().streams) {
        if (stream.mediaArrivedSinceLastLook()) {
          latest = fresh ? Math.max(latest, stream.lastArrivalNanos()) : stream.lastArrivalNanos();
          fresh = true;
        }
      }
      if (fresh) {
        registry.touch(e.getKey(), latest);
      }
      refreshView(e.getKey());
    }
  }

  /** Flushes the call's receivers, runs its cleanup and closes it in the registry. */
  void end(String callId, EndReason reason) {
    Entry entry = calls.remove(callId);
    if (entry != null) {
      for (RtpStream stream : entry.streams) {
        stream.finish();
      }
      streams.removeAll(entry.streams);
      views.remove(callId);
      entry.cleanup.run();
    }
    registry.close(callId, reason);
  }

  /** The calls served now, a copy. */
  List<String> callIds() {
    return List.copyOf(calls.keySet());
  }

  /** The RTP ports of the call's streams (none when it is not served). */
  List<Integer> rtpPortsOf(String callId) {
    Entry entry = calls.get(callId);
    if (entry == null) {
      return List.of();
    }
    List<Integer> ports = new ArrayList<>(entry.streams.size());
    entry.streams.forEach(stream -> ports.add(stream.rtpPort()));
    return ports;
  }

  Map<String, RtpCallInfo> views() {
    return views;
  }

  private void refreshView(String callId) {
    Entry entry = calls.get(callId);
    Map<Leg, RtpCallInfo.LegInfo> legs = new LinkedHashMap<>();
    for (Leg leg : Leg.values()) {
      if (entry.legs.contains(leg)) {
        legs.put(leg, new RtpCallInfo.LegInfo(0, StreamStats.NONE));
      }
    }
    for (RtpStream stream : entry.streams) {
      StreamStats stats = stream.stats();
      for (Leg leg : stream.legs()) {
        legs.put(leg, new RtpCallInfo.LegInfo(stream.rtpPort(), stats));
      }
    }
    views.put(callId, new RtpCallInfo(callId, entry.staticMode, legs));
  }

  private static final class Entry {
    final boolean staticMode;
    final Set<Leg> legs;
    final Runnable cleanup;
    final List<RtpStream> streams = new ArrayList<>(2);

    Entry(boolean staticMode, Set<Leg> legs, Runnable cleanup) {
      this.staticMode = staticMode;
      this.legs = legs;
      this.cleanup = cleanup;
    }
  }
}
