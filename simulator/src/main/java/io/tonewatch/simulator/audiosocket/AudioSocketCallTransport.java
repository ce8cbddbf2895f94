package io.tonewatch.simulator.audiosocket;

import io.tonewatch.events.Leg;
import io.tonewatch.simulator.CallScript;
import io.tonewatch.simulator.CallTransport;
import io.tonewatch.simulator.SimulationException;
import io.tonewatch.simulator.SimulationStats;
import io.tonewatch.simulator.control.ControlApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One call as Asterisk AudioSocket: one TCP connection per leg, customer first, each starting with
 * the call's UUID (the same for both legs), then 20 ms frames of 8 kHz slin16, then hangup.
 * Connections open on {@code connector}; the loop thread writes once they are open. With an
 * announcer, the call (named by its UUID) is first announced through the control API with transport
 * {@code audiosocket}, as a service with an auth token requires, and deleted at the end.
 */
public final class AudioSocketCallTransport implements CallTransport {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final CallScript script;
  private final InetSocketAddress target;
  private final Executor connector;
  private final SimulationStats stats;
  private final ControlApiClient announcer;
  private final UUID uuid;
  private volatile boolean announced;
  private final Map<Leg, Socket> sockets = new EnumMap<>(Leg.class);
  private final Map<Leg, OutputStream> outs = new EnumMap<>(Leg.class);

  public AudioSocketCallTransport(
      CallScript script,
      InetSocketAddress target,
      Executor connector,
      long seed,
      ControlApiClient announcer,
      SimulationStats stats) {
    this.script = script;
    this.target = target;
    this.connector = connector;
    this.announcer = announcer;
    this.stats = stats;
    this.uuid = uuidOf(seed, script.callId());
  }

  /** The UUID that names call {@code callId} in a run with {@code seed} (name-based, version 3). */
  public static UUID uuidOf(long seed, String callId) {
    return UUID.nameUUIDFromBytes((seed + "/" + callId).getBytes(StandardCharsets.UTF_8));
  }

  /** The call id the ingest service gives this call: its UUID. */
  public String ingestCallId() {
    return uuid.toString();
  }

  @Override
  public CompletableFuture<Void> open() {
    if (announcer == null) {
      return connect();
    }
    return announcer
        .announce(ingestCallId(), script.legs(), "audiosocket")
        .thenCompose(
            body -> {
              announced = true;
              return connect();
            });
  }

  private CompletableFuture<Void> connect() {
    return CompletableFuture.runAsync(
        () -> {
          for (Leg leg : script.legs()) {
            try {
              Socket socket = new Socket();
              synchronized (sockets) {
                sockets.put(leg, socket);
              }
              socket.setTcpNoDelay(true);
              socket.connect(target, CONNECT_TIMEOUT_MILLIS);
              OutputStream out = socket.getOutputStream();
              out.write(AudioSocketFrames.uuid(uuid));
              out.flush();
              synchronized (sockets) {
                outs.put(leg, out);
              }
            } catch (IOException e) {
              String reason = e instanceof ConnectException ? "connection refused" : e.getMessage();
              throw new SimulationException(
                  "cannot reach the ingest AudioSocket port at "
                      + target.getHostString()
                      + ":"
                      + target.getPort()
                      + " ("
                      + reason
                      + "); is `tonewatch ingest` running there?",
                  e);
            }
          }
        },
        connector);
  }

  @Override
  public void send(Leg leg, long frameIndex, short[] samples, long deadlineNanos) {
    OutputStream out;
    synchronized (sockets) {
      out = outs.get(leg);
    }
    try {
      out.write(AudioSocketFrames.audio(samples));
      stats.packetSent(leg);
    } catch (IOException e) {
      throw new SimulationException(
          "the ingest service closed the AudioSocket connection of the "
              + leg.wireName()
              + " leg of "
              + script.callId()
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  @Override
  public CompletableFuture<Void> close() {
    synchronized (sockets) {
      for (Map.Entry<Leg, Socket> entry : sockets.entrySet()) {
        OutputStream out = outs.get(entry.getKey());
        try (Socket socket = entry.getValue()) {
          if (out != null) {
            out.write(AudioSocketFrames.hangup());
            out.flush();
          }
        } catch (IOException e) {
          stats.sendError(); // the peer has gone already: nothing left to end
        }
      }
      sockets.clear();
      outs.clear();
    }
    if (announced) {
      announced = false;
      return announcer.close(ingestCallId());
    }
    return CompletableFuture.completedFuture(null);
  }
}
