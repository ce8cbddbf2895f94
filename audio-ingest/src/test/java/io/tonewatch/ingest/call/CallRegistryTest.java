package io.tonewatch.ingest.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.ingest.metrics.IngestMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CallRegistryTest {
  private static final Set<Leg> BOTH = Set.of(Leg.CUSTOMER, Leg.AGENT);
  private static final long SECOND = 1_000_000_000L;

  private final List<AudioMessage> published = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong nanos = new AtomicLong(5 * SECOND);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final CallRegistry registry =
      new CallRegistry(
          published::add,
          new IngestMetrics(meters),
          4,
          Duration.ofSeconds(10),
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
          nanos::get);

  @Test
  void publishesStartOnOpenAndEndOnceOnClose() {
    assertTrue(registry.open("c1", BOTH, Map.of("agent", "a7")));
    registry.close("c1", EndReason.HANGUP);
    registry.close("c1", EndReason.SHUTDOWN);
    assertEquals(2, published.size());
    CallStarted started = assertInstanceOf(CallStarted.class, published.get(0));
    assertEquals(BOTH, started.legs());
    assertEquals("a7", started.metadata().get("agent"));
    CallEnded ended = assertInstanceOf(CallEnded.class, published.get(1));
    assertEquals(EndReason.HANGUP, ended.reason());
    assertFalse(registry.isOpen("c1"));
  }

  @Test
  void refusesALiveCallIdWithoutPublishing() {
    assertTrue(registry.open("c1", BOTH, Map.of()));
    assertEquals(
        CallRegistry.Admission.DUPLICATE, registry.admit("c1", BOTH, Map.of(), null, true));
    assertEquals(1, published.size());
  }

  @Test
  void countsEveryLegRefusedAtTheLimitWhoeverRefusedIt() {
    assertTrue(registry.open("c1", BOTH, Map.of()));
    assertTrue(registry.open("c2", BOTH, Map.of()));
    assertFalse(registry.open("c3", BOTH, Map.of()));
    assertFalse(registry.open("c4", Set.of(Leg.AGENT), Map.of()));
    registry.refusedAtLimit(1); // e.g. an AudioSocket socket beyond the cap
    assertEquals(4, meters.get("tonewatch.ingest.legs.refused").counter().count());
    assertEquals(2, published.size(), "refusals publish nothing");
  }

  @Test
  void holdsTheLegLimitAndFreesLegsOnClose() {
    assertTrue(registry.open("c1", BOTH, Map.of()));
    assertTrue(registry.open("c2", Set.of(Leg.CUSTOMER), Map.of()));
    assertEquals(
        CallRegistry.Admission.LIMIT_REACHED, registry.admit("c3", BOTH, Map.of(), null, false));
    assertTrue(registry.open("c4", Set.of(Leg.AGENT), Map.of()), "exactly at the limit");
    assertEquals(4, registry.activeLegs());
    assertEquals(3, registry.activeCalls());
    registry.close("c1", EndReason.HANGUP);
    assertTrue(registry.open("c3", BOTH, Map.of()));
    assertEquals(4.0, meters.get("tonewatch.ingest.legs.active").gauge().value());
    assertEquals(3.0, meters.get("tonewatch.ingest.calls.active").gauge().value());
  }

  @Test
  void endsCallsWithNoMediaForTheTimeout() {
    registry.admit("quiet", BOTH, Map.of(), null, true);
    registry.admit("talking", Set.of(Leg.AGENT), Map.of(), null, true);
    assertTrue(registry.open("ownLifetime", Set.of(Leg.AGENT), Map.of()));
    nanos.addAndGet(9 * SECOND);
    registry.touch("talking", nanos.get());
    assertEquals(0, registry.expireIdle());
    nanos.addAndGet(SECOND);
    assertEquals(1, registry.expireIdle());
    assertFalse(registry.isOpen("quiet"));
    assertTrue(registry.isOpen("talking"));
    assertTrue(registry.isOpen("ownLifetime"), "calls opened without a timeout stay");
    CallEnded ended = assertInstanceOf(CallEnded.class, published.get(published.size() - 1));
    assertEquals("quiet", ended.callId());
    assertEquals(EndReason.MEDIA_TIMEOUT, ended.reason());
    nanos.addAndGet(9 * SECOND);
    assertEquals(1, registry.expireIdle());
    assertFalse(registry.isOpen("talking"));
  }

  @Test
  void aTouchFromThePastDoesNotRewindTheTimer() {
    registry.admit("c1", BOTH, Map.of(), null, true);
    nanos.addAndGet(5 * SECOND);
    registry.touch("c1", nanos.get());
    registry.touch("c1", 0);
    nanos.addAndGet(6 * SECOND);
    assertEquals(0, registry.expireIdle());
  }

  @Test
  void endGoesThroughTheTeardownWhichCloses() {
    List<String> torn = new ArrayList<>();
    CallTeardown teardown =
        (id, reason) -> {
          torn.add(id + ":" + reason);
          registry.close(id, reason);
        };
    registry.admit("c1", BOTH, Map.of(), teardown, true);
    registry.admit("c2", BOTH, Map.of(), teardown, true);
    registry.endAll(EndReason.SHUTDOWN);
    assertEquals(2, torn.size());
    assertTrue(torn.contains("c1:SHUTDOWN"));
    assertEquals(0, registry.activeCalls());
    assertEquals(0, registry.activeLegs());
    assertEquals(4, published.size());
  }

  @Test
  void concurrentOpensNeverExceedTheLimitAndEndsPublishOnce() throws InterruptedException {
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger opened = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread worker =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                if (registry.open("c" + id, Set.of(Leg.CUSTOMER), Map.of())) {
                  opened.incrementAndGet();
                }
                registry.close("c" + (id % 4), EndReason.HANGUP);
              });
      worker.start();
      workers.add(worker);
    }
    go.countDown();
    for (Thread worker : workers) {
      worker.join(5000);
    }
    long starts = published.stream().filter(m -> m instanceof CallStarted).count();
    long ends = published.stream().filter(m -> m instanceof CallEnded).count();
    assertEquals(opened.get(), starts);
    assertEquals(starts, ends + registry.activeCalls());
    assertTrue(registry.activeLegs() <= 4);
    assertEquals(registry.activeCalls(), registry.activeLegs());
  }
}
