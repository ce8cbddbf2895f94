package io.tonewatch.ingest.call;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallIds;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.events.callers.CallerNumbers;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.sink.FrameSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live calls of every front-end: admits them against {@code ingest.max-legs}, the one cap on
 * legs over all transports, publishes each call's {@link CallStarted} on admission and its {@link
 * CallEnded} exactly once, and ends calls whose media stopped for the media timeout. Every leg
 * refused at the cap is counted ({@code tonewatch.ingest.legs.refused}); the first refusal after
 * the cap is reached is logged, once, until legs fall below it again. Thread-safe: admission and
 * removal hold this object's lock; {@link #touch} is lock-free.
 */
public final class CallRegistry implements CallAdmission {
  private static final Logger LOG = LoggerFactory.getLogger(CallRegistry.class);

  /** What admission decided. */
  public enum Admission {
    OPENED,
    DUPLICATE,
    LIMIT_REACHED
  }

  private final FrameSink sink;
  private final int maxLegs;
  private final long mediaTimeoutNanos;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, LiveCall> calls = new ConcurrentHashMap<>();
  private final IngestMetrics metrics;
  private final CallerNumbers callers;
  private int legs; // guarded by this
  private boolean refusalLogged; // guarded by this: the cap was reached and said so

  /** A registry that drops callers' numbers (no hash key). */
  public CallRegistry(
      FrameSink sink,
      IngestMetrics metrics,
      int maxLegs,
      Duration mediaTimeout,
      Clock clock,
      LongSupplier nanoTime) {
    this(sink, metrics, maxLegs, mediaTimeout, clock, nanoTime, CallerNumbers.withSecret(""));
  }

  /**
   * @param callers replaces the {@code caller} metadata of every call by its hash and mask before
   *     anything is published
   */
  public CallRegistry(
      FrameSink sink,
      IngestMetrics metrics,
      int maxLegs,
      Duration mediaTimeout,
      Clock clock,
      LongSupplier nanoTime,
      CallerNumbers callers) {
    this.callers = Objects.requireNonNull(callers, "callers");
    this.sink = Objects.requireNonNull(sink, "sink");
    if (maxLegs < 1 || mediaTimeout.isNegative() || mediaTimeout.isZero()) {
      throw new IllegalArgumentException("need maxLegs >= 1 and a positive media timeout");
    }
    this.maxLegs = maxLegs;
    this.mediaTimeoutNanos = mediaTimeout.toNanos();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    metrics.gauge("calls.active", "Calls admitted and not yet ended", this::activeCalls);
    metrics.gauge("legs.active", "Legs of the calls admitted, across front-ends", this::activeLegs);
  }

  /** Admits a call its front-end will end itself (no media timeout, no teardown hook). */
  @Override
  public boolean open(String callId, Set<Leg> legs, Map<String, String> metadata) {
    return admit(callId, legs, metadata, null, false) == Admission.OPENED;
  }

  /**
   * Admits a call. {@code teardown}, when given, is how {@link #end} stops the call's media before
   * it calls {@link #close}; {@code mediaTimeout} makes {@link #expireIdle} end it when {@link
   * #touch} has not been called for the media timeout.
   */
  public Admission admit(
      String callId,
      Set<Leg> legs,
      Map<String, String> metadata,
      CallTeardown teardown,
      boolean mediaTimeout) {
    CallIds.require(callId);
    if (legs.isEmpty()) {
      throw new IllegalArgumentException("a call needs at least one leg");
    }
    CallStarted started = new CallStarted(callId, clock.instant(), legs, callers.protect(metadata));
    synchronized (this) {
      if (calls.containsKey(callId)) {
        return Admission.DUPLICATE;
      }
      if (this.legs + legs.size() > maxLegs) {
        refusedAtLimit(legs.size());
        return Admission.LIMIT_REACHED;
      }
      this.legs += legs.size();
      calls.put(callId, new LiveCall(started, teardown, mediaTimeout, nanoTime.getAsLong()));
      sink.accept(started); // before any frame: the front-end only starts media after this
    }
    return Admission.OPENED;
  }

  /** Removes a live call and publishes its {@link CallEnded}; a second close does nothing. */
  @Override
  public void close(String callId, EndReason reason) {
    Objects.requireNonNull(reason, "reason");
    synchronized (this) {
      LiveCall call = calls.remove(callId);
      if (call == null) {
        return;
      }
      legs -= call.started().legs().size();
      refusalLogged &= legs >= maxLegs;
      sink.accept(new CallEnded(callId, clock.instant(), reason));
    }
  }

  @Override
  public synchronized void refusedAtLimit(int refusedLegs) {
    metrics.legsRefused(refusedLegs);
    if (!refusalLogged) {
      refusalLogged = true;
      LOG.warn(
          "ingest: ingest.max-legs={} reached ({} live): refusing new legs until some end;"
              + " each refusal is counted in tonewatch.ingest.legs.refused",
          maxLegs,
          legs);
    }
  }

  /** Ends a call through its teardown (which stops media, then closes) or closes it directly. */
  public void end(String callId, EndReason reason) {
    LiveCall call = calls.get(callId);
    if (call == null) {
      return;
    }
    if (call.teardown() != null) {
      call.teardown().end(callId, reason);
    } else {
      close(callId, reason);
    }
  }

  /** Media arrived for {@code callId} at {@code arrivalNanos}: postpones its media timeout. */
  public void touch(String callId, long arrivalNanos) {
    LiveCall call = calls.get(callId);
    if (call != null) {
      call.touch(arrivalNanos);
    }
  }

  @Override
  public void touch(String callId) {
    touch(callId, nanoTime.getAsLong());
  }

  /** Ends, with {@link EndReason#MEDIA_TIMEOUT}, calls idle for the timeout; returns how many. */
  public int expireIdle() {
    long now = nanoTime.getAsLong();
    int ended = 0;
    for (LiveCall call : calls.values()) {
      if (call.mediaTimeout() && now - call.lastMediaNanos() >= mediaTimeoutNanos) {
        end(call.started().callId(), EndReason.MEDIA_TIMEOUT);
        ended++;
      }
    }
    return ended;
  }

  /** Ends every live call with {@code reason}, e.g. {@link EndReason#SHUTDOWN}. */
  public void endAll(EndReason reason) {
    for (String callId : List.copyOf(calls.keySet())) {
      end(callId, reason);
    }
  }

  @Override
  public boolean isOpen(String callId) {
    return calls.containsKey(callId);
  }

  /** The live call's start as published, if it is live. */
  public Optional<CallStarted> call(String callId) {
    LiveCall call = calls.get(callId);
    return call == null ? Optional.empty() : Optional.of(call.started());
  }

  /** Every live call's start, in no particular order. */
  public List<CallStarted> calls() {
    List<CallStarted> out = new ArrayList<>();
    calls.values().forEach(c -> out.add(c.started()));
    return out;
  }

  @Override
  public synchronized int activeLegs() {
    return legs;
  }

  @Override
  public int activeCalls() {
    return calls.size();
  }

  /** A live call; {@code lastMediaNanos} is written by any media thread. */
  private static final class LiveCall {
    private final CallStarted started;
    private final CallTeardown teardown;
    private final boolean mediaTimeout;
    private volatile long lastMediaNanos;

    LiveCall(CallStarted started, CallTeardown teardown, boolean mediaTimeout, long nowNanos) {
      this.started = started;
      this.teardown = teardown;
      this.mediaTimeout = mediaTimeout;
      this.lastMediaNanos = nowNanos;
    }

    CallStarted started() {
      return started;
    }

    CallTeardown teardown() {
      return teardown;
    }

    boolean mediaTimeout() {
      return mediaTimeout;
    }

    long lastMediaNanos() {
      return lastMediaNanos;
    }

    void touch(long arrivalNanos) {
      if (arrivalNanos - lastMediaNanos > 0) {
        lastMediaNanos = arrivalNanos; // racing writers both move it forward; either is fine
      }
    }
  }
}
