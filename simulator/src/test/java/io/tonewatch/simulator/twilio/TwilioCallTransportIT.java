package io.tonewatch.simulator.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.Leg;
import io.tonewatch.media.call.CallAudio;
import io.tonewatch.media.call.LegLayout;
import io.tonewatch.simulator.CallScript;
import io.tonewatch.simulator.SimulationException;
import io.tonewatch.simulator.SimulationStats;
import io.tonewatch.simulator.control.ControlApiClient;
import io.tonewatch.testing.Await;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Twilio stream whose server stops reading or hangs up: the send fails with one sentence naming
 * the call, and the transport aborts the connection instead of leaving it open.
 */
class TwilioCallTransportIT {

  /** Far more than a small receive buffer and the loopback send buffer together can hold. */
  private static final int MAX_FRAMES = 200_000;

  private StalledWebSocketServer server;
  private TwilioCallTransport transport;

  @BeforeEach
  void connect() throws Exception {
    server = new StalledWebSocketServer();
    CallAudio audio =
        new CallAudio(
            "tone.wav", 8000, LegLayout.standard(1), Map.of(Leg.CUSTOMER, new short[160]));
    CallScript script = new CallScript(1, "sim-1", audio, 160, 160, 0);
    transport =
        new TwilioCallTransport(
            script,
            URI.create(server.url()),
            null,
            ControlApiClient.newHttpClient(),
            1,
            20,
            new SimulationStats());
    CompletableFuture<Void> opened = transport.open();
    server.acceptAndStopReading();
    opened.get(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aSendThatCannotGoOutAbortsTheConnection() throws Exception {
    SimulationException failure =
        assertThrows(SimulationException.class, () -> sendUntilItFails(new short[160]));

    assertEquals(
        "sending sim-1 over the WebSocket to " + server.url() + " failed", failure.getMessage());
    assertTrue(server.clientHungUp(), "the stuck connection was aborted, not left open");
  }

  @Test
  void aServerThatHangsUpFailsTheNextSendAndCloseDoesNotWait() throws Exception {
    server.dropClient();

    SimulationException failure =
        assertThrows(SimulationException.class, () -> sendUntilItFails(new short[160]));
    CompletableFuture<Void> closed = transport.close();

    assertTrue(failure.getMessage().contains("sim-1"), failure.getMessage());
    assertTrue(closed.isDone(), "no close handshake is queued behind a broken chain");
  }

  private void sendUntilItFails(short[] samples) {
    for (int frame = 0; frame < MAX_FRAMES; frame++) {
      transport.send(Leg.CUSTOMER, frame, samples, 0);
    }
    throw new AssertionError(MAX_FRAMES + " frames went out to a server that reads nothing");
  }
}
