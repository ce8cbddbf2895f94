package io.tonewatch.ingest.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long MS = 1_000_000L;

  @Test
  void allowsABurstOfOneSecondThenRefuses() throws UnknownHostException {
    RateLimiter limiter = new RateLimiter(100, 10);
    InetAddress a = ip("10.0.0.1");
    for (int i = 0; i < 100; i++) {
      assertTrue(limiter.tryAcquire(a, 0), "packet " + i);
    }
    assertFalse(limiter.tryAcquire(a, 0));
  }

  @Test
  void refillsAtTheConfiguredRate() throws UnknownHostException {
    RateLimiter limiter = new RateLimiter(100, 10);
    InetAddress a = ip("10.0.0.1");
    while (limiter.tryAcquire(a, 0)) {
      // drain the burst
    }
    assertFalse(limiter.tryAcquire(a, 9 * MS), "9 ms earn less than one 10 ms token");
    assertTrue(limiter.tryAcquire(a, 10 * MS));
    assertFalse(limiter.tryAcquire(a, 10 * MS));
    int allowed = 0;
    for (long t = 10 * MS; t <= 1010 * MS; t += MS) { // one second at 1000 pps offered
      if (limiter.tryAcquire(a, t)) {
        allowed++;
      }
    }
    assertEquals(100, allowed, 1);
  }

  @Test
  void keepsSourcesApart() throws UnknownHostException {
    RateLimiter limiter = new RateLimiter(5, 10);
    InetAddress a = ip("10.0.0.1");
    InetAddress b = ip("2001:db8::1");
    for (int i = 0; i < 5; i++) {
      assertTrue(limiter.tryAcquire(a, 0));
    }
    assertFalse(limiter.tryAcquire(a, 0));
    assertTrue(limiter.tryAcquire(b, 0), "another source has its own bucket");
  }

  @Test
  void boundsTheSourcesItTracks() throws UnknownHostException {
    RateLimiter limiter = new RateLimiter(5, 100);
    for (int i = 0; i < 1000; i++) {
      limiter.tryAcquire(ip("10.0." + (i / 256) + "." + (i % 256)), 0);
    }
    assertEquals(100, limiter.trackedSources());
  }

  @Test
  void zeroRateMeansNoLimit() throws UnknownHostException {
    RateLimiter limiter = new RateLimiter(0, 1);
    for (int i = 0; i < 10_000; i++) {
      assertTrue(limiter.tryAcquire(ip("10.0.0.1"), 0));
    }
  }

  @Test
  void aClockStepBackwardsEarnsNothing() throws UnknownHostException {
    RateLimiter limiter = new RateLimiter(10, 10);
    InetAddress a = ip("10.0.0.1");
    while (limiter.tryAcquire(a, 1000 * MS)) {
      // drain
    }
    assertFalse(limiter.tryAcquire(a, 0));
  }

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }
}
