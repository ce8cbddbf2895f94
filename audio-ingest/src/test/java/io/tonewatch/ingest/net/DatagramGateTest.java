package io.tonewatch.ingest.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tonewatch.ingest.metrics.PacketOutcome;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DatagramGateTest {
  private final DatagramGate gate =
      new DatagramGate(1500, SourceFilter.parse("10.0.0.0/8"), new RateLimiter(2, 10));

  @Test
  void checksSizeThenSourceThenRate() throws Exception {
    InetAddress inside = InetAddress.getByName("10.1.1.1");
    InetAddress outside = InetAddress.getByName("192.0.2.1");
    assertEquals(PacketOutcome.OVERSIZED, gate.refuse(outside, 1501, 0));
    assertEquals(PacketOutcome.REJECTED_SOURCE, gate.refuse(outside, 1500, 0));
    assertNull(gate.refuse(inside, 1500, 0));
    assertNull(gate.refuse(inside, 0, 0));
    assertEquals(PacketOutcome.RATE_LIMITED, gate.refuse(inside, 100, 0));
  }

  @Test
  void refusedDatagramsTakeNoToken() throws Exception {
    InetAddress inside = InetAddress.getByName("10.1.1.1");
    for (int i = 0; i < 10; i++) {
      assertEquals(PacketOutcome.OVERSIZED, gate.refuse(inside, 9000, 0));
    }
    assertNull(gate.refuse(inside, 100, 0));
    assertNull(gate.refuse(inside, 100, 0));
  }
}
