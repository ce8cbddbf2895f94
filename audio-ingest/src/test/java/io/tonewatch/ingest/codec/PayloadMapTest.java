package io.tonewatch.ingest.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PayloadMapTest {

  @Test
  void defaultsHoldTheStaticAndDynamicAssignments() {
    PayloadMap map = PayloadMap.defaults();
    assertEquals(PayloadFormat.PCMU, map.format(0));
    assertEquals(PayloadFormat.PCMA, map.format(8));
    assertEquals(PayloadFormat.G722, map.format(9));
    assertEquals(PayloadFormat.L16_MONO, map.format(96));
    assertEquals(PayloadFormat.L16_STEREO, map.format(97));
    assertEquals(PayloadFormat.TELEPHONE_EVENT, map.format(101));
    assertNull(map.format(3));
    assertNull(map.format(-1));
    assertNull(map.format(128));
  }

  @Test
  void dynamicTypesCanBeSetButStaticOnesOnlyExplicitly() {
    PayloadMap map = PayloadMap.defaults().withDynamic(120, PayloadFormat.PCMA);
    assertEquals(PayloadFormat.PCMA, map.format(120));
    assertNull(PayloadMap.defaults().format(120), "the defaults are unchanged");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PayloadMap.defaults().withDynamic(8, PayloadFormat.L16_MONO));
    assertTrue(e.getMessage().contains("payload type 8 is not dynamic"), e.getMessage());
    assertEquals(
        PayloadFormat.L16_MONO,
        PayloadMap.defaults().withOverride(8, PayloadFormat.L16_MONO).format(8));
  }

  @Test
  void refusesTypesOutsideTheRangeAndThoseThatLookLikeRtcp() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PayloadMap.defaults().withOverride(128, PayloadFormat.PCMU));
    assertThrows(
        IllegalArgumentException.class,
        () -> PayloadMap.defaults().withOverride(-1, PayloadFormat.PCMU));
    for (int pt = 72; pt <= 76; pt++) {
      int type = pt;
      assertThrows(
          IllegalArgumentException.class,
          () -> PayloadMap.defaults().withOverride(type, PayloadFormat.PCMU));
    }
  }

  @Test
  void movesTheDynamicDefaults() {
    PayloadMap map = PayloadMap.defaults().withDynamicTypes(110, 111, 100);
    assertNull(map.format(96));
    assertNull(map.format(97));
    assertNull(map.format(101));
    assertEquals(PayloadFormat.L16_MONO, map.format(110));
    assertEquals(PayloadFormat.L16_STEREO, map.format(111));
    assertEquals(PayloadFormat.TELEPHONE_EVENT, map.format(100));
    assertEquals(PayloadMap.defaults(), PayloadMap.defaults().withDynamicTypes(96, 97, 101));
    assertTrue(map.without(0).toString().startsWith("PayloadMap{8=PCMA/8000, 9=G722/8000"));
  }

  @Test
  void formatsParseFromRtpmapTextAndValidate() {
    assertEquals(PayloadFormat.L16_STEREO, PayloadFormat.parse("L16/8000/2"));
    assertEquals(PayloadFormat.TELEPHONE_EVENT, PayloadFormat.parse("telephone-event/8000"));
    assertEquals(PayloadFormat.PCMU, PayloadFormat.parse("pcmu/8000"));
    assertEquals("L16/8000/2", PayloadFormat.L16_STEREO.toString());
    assertThrows(IllegalArgumentException.class, () -> PayloadFormat.parse("L16/16000"));
    assertThrows(IllegalArgumentException.class, () -> PayloadFormat.parse("PCMU/8000/2"));
    assertThrows(IllegalArgumentException.class, () -> PayloadFormat.parse("opus/48000/2"));
    assertThrows(IllegalArgumentException.class, () -> PayloadFormat.parse("L16"));
    assertThrows(IllegalArgumentException.class, () -> PayloadFormat.parse("L16/x"));
  }

  @Test
  void eachFormatMakesItsDecoder() {
    assertEquals(2, PayloadFormat.L16_STEREO.newDecoder().channels());
    assertEquals(80, PayloadFormat.L16_MONO.newDecoder().samplesPerChannel(160));
    assertEquals(40, PayloadFormat.L16_STEREO.newDecoder().samplesPerChannel(160));
    assertEquals(-1, PayloadFormat.L16_STEREO.newDecoder().samplesPerChannel(162));
    assertEquals(160, PayloadFormat.PCMA.newDecoder().samplesPerChannel(160));
    assertNull(PayloadFormat.TELEPHONE_EVENT.newDecoder());
  }
}
