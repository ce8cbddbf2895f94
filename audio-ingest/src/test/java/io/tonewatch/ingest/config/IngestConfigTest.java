package io.tonewatch.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.Leg;
import io.tonewatch.ingest.audiosocket.AudioSocketSettings;
import io.tonewatch.ingest.net.PairBy;
import io.tonewatch.ingest.ws.TwilioSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    IngestConfig config = IngestConfig.defaults();
    assertEquals("127.0.0.1", config.bindAddress());
    assertEquals(8090, config.httpPort());
    assertEquals(40000, config.rtpPortMin());
    assertEquals(40999, config.rtpPortMax());
    assertEquals(2000, config.maxLegs());
    assertEquals(10, config.mediaTimeoutSeconds());
    assertEquals(PairBy.PORT, config.staticPairBy());
    assertFalse(config.staticMode());
    assertFalse(config.authRequired());
    assertEquals("127.0.0.1", config.rtpHost());
    assertEquals(96, config.payloadL16Mono());
  }

  @Test
  void fileEnvironmentAndOverridesApplyInRisingPrecedence(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ingest.properties");
    Files.writeString(
        file,
        "ingest.max-legs=10\ningest.http-port=9000\ningest.media-timeout-seconds=3\nother.key=x\n");
    Map<String, String> env =
        Map.of("TONEWATCH_INGEST_HTTP_PORT", "9001", "TONEWATCH_INGEST_MEDIA_TIMEOUT_SECONDS", "4");
    IngestConfig config =
        IngestConfigLoader.load(file, env, Map.of("ingest.media-timeout-seconds", "5"));
    assertEquals(10, config.maxLegs(), "file over default");
    assertEquals(9001, config.httpPort(), "environment over file");
    assertEquals(5, config.mediaTimeoutSeconds(), "override over environment");
  }

  @Test
  void everyKeyHasAnEnvironmentVariableOfItsOwn() {
    Set<String> names = new HashSet<>();
    for (IngestKey key : IngestKey.values()) {
      assertTrue(key.key().startsWith("ingest."), key.key());
      assertTrue(key.key().equals(key.key().toLowerCase()), key.key());
      assertTrue(names.add(key.envName()), key.envName());
      assertFalse(key.description().isBlank(), key.key());
    }
    assertEquals("TONEWATCH_INGEST_STATIC_PORT_MIN", IngestKey.STATIC_PORT_MIN.envName());
  }

  @Test
  void aPortOutOfRangeNamesTheKeyAndTheValue() {
    IngestConfigException e = refused("ingest.rtp-port-min", "70000");
    assertEquals("ingest.rtp-port-min=70000 is not a port (1-65535)", e.getMessage());
  }

  @Test
  void refusesBadValuesNamingKeyAndValue() {
    assertMessage(refused("ingest.http-port", "eighty"), "ingest.http-port=eighty");
    assertMessage(refused("ingest.rtp-port-min", "40001"), "ingest.rtp-port-min=40001 is odd");
    assertMessage(refused("ingest.rtp-port-max", "39000"), "ingest.rtp-port-max=39000");
    assertMessage(refused("ingest.max-legs", "0"), "ingest.max-legs=0");
    assertMessage(refused("ingest.max-datagram-bytes", "70000"), "ingest.max-datagram-bytes=70000");
    assertMessage(refused("ingest.allowed-networks", "10.0.0.0/33"), "ingest.allowed-networks=");
    assertMessage(refused("ingest.allowed-networks", "example.com"), "example.com");
    assertMessage(refused("ingest.static.pair-by", "colour"), "ingest.static.pair-by=colour");
    assertMessage(refused("ingest.websocket-enabled", "maybe"), "ingest.websocket-enabled=maybe");
    assertMessage(refused("ingest.jitter.max-ms", "10"), "ingest.jitter.max-ms=10");
    assertMessage(refused("ingest.payload.l16-mono", "8"), "ingest.payload.l16-mono=8");
    assertMessage(refused("ingest.payload.l16-stereo", "96"), "ingest.payload.l16-stereo=96");
    assertMessage(refused("ingest.bind-address", "no.such.host.invalid"), "ingest.bind-address=");
  }

  @Test
  void frontEndLimitsDefaultToTheValuesTheServersUsedBefore() {
    IngestConfig config = IngestConfig.defaults();
    assertEquals(65_536, config.websocketMaxMessageChars());
    assertEquals(16_000, config.websocketMaxPayloadBytes());
    assertEquals(250, config.websocketMaxGapFrames());
    assertEquals(0, config.websocketIdleTimeoutMs());
    assertEquals(10_000, config.websocketIdleMillis(), "0 follows the media timeout");
    assertEquals(Leg.CUSTOMER, config.websocketInboundLeg());
    assertEquals(0, config.audioSocketReadTimeoutMs());
    assertEquals(10_000, config.audioSocketReadMillis(), "0 follows the media timeout");
    assertEquals(4096, config.audioSocketMaxPayloadBytes());
    assertEquals(Leg.CUSTOMER, config.audioSocketFirstLeg());
  }

  @Test
  void frontEndLimitsParseFromTheirKeys() {
    IngestConfig config =
        IngestConfigLoader.fromMap(
            Map.ofEntries(
                Map.entry("ingest.websocket.max-message-chars", "1024"),
                Map.entry("ingest.websocket.max-payload-bytes", "640"),
                Map.entry("ingest.websocket.max-gap-frames", "0"),
                Map.entry("ingest.websocket.idle-timeout-ms", "750"),
                Map.entry("ingest.websocket.inbound-leg", "Agent"),
                Map.entry("ingest.audiosocket.read-timeout-ms", "1500"),
                Map.entry("ingest.audiosocket.max-payload-bytes", "65535"),
                Map.entry("ingest.audiosocket.first-leg", " agent ")));
    assertEquals(1024, config.websocketMaxMessageChars());
    assertEquals(640, config.websocketMaxPayloadBytes());
    assertEquals(0, config.websocketMaxGapFrames());
    assertEquals(750, config.websocketIdleMillis());
    assertEquals(Leg.AGENT, config.websocketInboundLeg());
    assertEquals(1500, config.audioSocketReadMillis());
    assertEquals(65_535, config.audioSocketMaxPayloadBytes());
    assertEquals(Leg.AGENT, config.audioSocketFirstLeg());
  }

  @Test
  void frontEndLimitsComeFromTheEnvironmentToo() {
    IngestConfig config =
        IngestConfigLoader.load(
            null,
            Map.of(
                "TONEWATCH_INGEST_AUDIOSOCKET_READ_TIMEOUT_MS", "1200",
                "TONEWATCH_INGEST_WEBSOCKET_IDLE_TIMEOUT_MS", "2000"),
            Map.of());
    assertEquals(1200, config.audioSocketReadMillis());
    assertEquals(2000, config.websocketIdleMillis());
  }

  @Test
  void refusesBadFrontEndLimitsNamingKeyAndValue() {
    assertMessage(
        refused("ingest.websocket.max-message-chars", "255"),
        "ingest.websocket.max-message-chars=255 is not a message length");
    assertMessage(
        refused("ingest.websocket.max-payload-bytes", "159"),
        "ingest.websocket.max-payload-bytes=159 is not a payload size");
    assertMessage(
        refused("ingest.websocket.max-gap-frames", "3001"),
        "ingest.websocket.max-gap-frames=3001 is not a frame count");
    assertMessage(
        refused("ingest.websocket.idle-timeout-ms", "-1"),
        "ingest.websocket.idle-timeout-ms=-1 is not a timeout");
    assertMessage(
        refused("ingest.websocket.inbound-leg", "caller"),
        "ingest.websocket.inbound-leg=caller is not one of customer, agent");
    // ingest.max-legs caps AudioSocket sockets too: the old separate cap is no setting any more.
    IngestConfigException gone = refused("ingest.audiosocket.max-connections", "12");
    assertMessage(gone, "ingest.audiosocket.max-connections");
    assertMessage(gone, "is not an ingest setting");
    assertMessage(
        refused("ingest.audiosocket.read-timeout-ms", "soon"),
        "ingest.audiosocket.read-timeout-ms=soon is not a whole number");
    assertMessage(
        refused("ingest.audiosocket.max-payload-bytes", "65536"),
        "ingest.audiosocket.max-payload-bytes=65536 is not a payload size");
    assertMessage(
        refused("ingest.audiosocket.first-leg", ""),
        "ingest.audiosocket.first-leg= is not one of customer, agent");
  }

  @Test
  void refusesAWebSocketPayloadLimitItsMessagesCannotCarry() {
    IngestConfigException e =
        assertThrows(
            IngestConfigException.class,
            () ->
                IngestConfigLoader.fromMap(
                    Map.of(
                        "ingest.websocket.max-message-chars", "4096",
                        "ingest.websocket.max-payload-bytes", "16000")));
    assertEquals(
        "ingest.websocket.max-payload-bytes=16000 needs 21336 base64 characters, too many for"
            + " ingest.websocket.max-message-chars=4096",
        e.getMessage());
  }

  @Test
  void theServersOwnChecksNameTheKeysUsersSet() {
    TwilioSettings t = TwilioSettings.defaults();
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> new TwilioSettings(t.path(), null, 255, 16_000, 250, 15_000, Leg.CUSTOMER)),
        "ingest.websocket.max-message-chars: 255");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> new TwilioSettings(t.path(), null, 65_536, 16_000, 250, 0, Leg.CUSTOMER)),
        "ingest.websocket.idle-timeout-ms: 0");
    AudioSocketSettings a = AudioSocketSettings.defaults(0);
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> new AudioSocketSettings(a.bindAddress(), 0, 0, 5_000, 4096, null, Leg.CUSTOMER)),
        "ingest.max-legs: 0");
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> a.withReadTimeoutMillis(0)),
        "ingest.audiosocket.read-timeout-ms: 0");
  }

  @Test
  void refusesAStaticRangeOverlappingTheControlRange() {
    IngestConfigException e =
        assertThrows(
            IngestConfigException.class,
            () ->
                IngestConfigLoader.fromMap(
                    Map.of("ingest.static.port-min", "40100", "ingest.static.port-max", "40200")));
    assertMessage(e, "ingest.static.port-min=40100 overlaps");
  }

  @Test
  void refusesAnUnknownIngestKeySoTyposAreNotSilent() {
    IngestConfigException e =
        assertThrows(
            IngestConfigException.class,
            () -> IngestConfigLoader.fromMap(Map.of("ingest.max-leg", "5")));
    assertMessage(e, "ingest.max-leg");
  }

  @Test
  void aMissingFileNamesTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.properties");
    IngestConfigException e =
        assertThrows(
            IngestConfigException.class,
            () -> IngestConfigLoader.load(missing, Map.of(), Map.of()));
    assertMessage(e, missing.toString());
  }

  @Test
  void toStringNeverShowsTheToken() {
    IngestConfig config = IngestConfigLoader.fromMap(Map.of("ingest.auth-token", "s3cret"));
    assertTrue(config.authRequired());
    assertFalse(config.toString().contains("s3cret"));
  }

  private static IngestConfigException refused(String key, String value) {
    return assertThrows(
        IngestConfigException.class, () -> IngestConfigLoader.fromMap(Map.of(key, value)));
  }

  private static void assertMessage(Exception e, String expectedPart) {
    assertTrue(
        e.getMessage().contains(expectedPart),
        "'" + e.getMessage() + "' should contain '" + expectedPart + "'");
  }
}
