package io.tonewatch.ingest.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class SourceFilterTest {

  @Test
  void allowsAddressesInsideIpv4NetworksOnly() throws UnknownHostException {
    SourceFilter filter = SourceFilter.parse("10.0.0.0/8, 192.168.1.0/24");
    assertTrue(filter.allows(ip("10.255.1.2")));
    assertTrue(filter.allows(ip("192.168.1.200")));
    assertFalse(filter.allows(ip("192.168.2.1")));
    assertFalse(filter.allows(ip("11.0.0.1")));
    assertFalse(filter.allows(ip("::1")));
  }

  @Test
  void allowsAddressesInsideIpv6Networks() throws UnknownHostException {
    SourceFilter filter = SourceFilter.parse("2001:db8::/32,::1");
    assertTrue(filter.allows(ip("2001:db8:ffff::1")));
    assertFalse(filter.allows(ip("2001:db9::1")));
    assertTrue(filter.allows(ip("::1")));
    assertFalse(filter.allows(ip("::2")));
    assertFalse(filter.allows(ip("127.0.0.1")));
  }

  @Test
  void matchesPrefixesThatEndInsideAByte() throws UnknownHostException {
    SourceFilter filter = SourceFilter.parse("172.16.0.0/12");
    assertTrue(filter.allows(ip("172.31.255.255")));
    assertFalse(filter.allows(ip("172.32.0.0")));
    assertFalse(filter.allows(ip("172.15.255.255")));
  }

  @Test
  void ipv4MappedIpv6NetworksMatchIpv4Sources() throws UnknownHostException {
    SourceFilter filter = SourceFilter.parse("::ffff:10.0.0.0/104");
    assertTrue(filter.allows(ip("10.1.2.3")));
    assertFalse(filter.allows(ip("11.1.2.3")));
  }

  @Test
  void bareAddressesAreSingleHostsAndHostBitsAreCleared() {
    assertEquals("10.1.2.3/32", Cidr.parse("10.1.2.3").toString());
    assertEquals("10.1.0.0/16", Cidr.parse("10.1.2.3/16").toString());
    assertEquals(Cidr.parse("10.1.0.0/16"), Cidr.parse("10.1.99.1/16"));
  }

  @Test
  void allowAllLetsBothFamiliesThrough() throws UnknownHostException {
    SourceFilter filter = SourceFilter.allowAll();
    assertTrue(filter.allows(ip("203.0.113.9")));
    assertTrue(filter.allows(ip("2001:db8::9")));
  }

  @Test
  void oneFamilysWholeRangeLetsOnlyThatFamilyThroughUnlessMapped() throws UnknownHostException {
    SourceFilter ipv4 = SourceFilter.parse("0.0.0.0/0");
    assertTrue(ipv4.allows(ip("203.0.113.9")));
    assertFalse(ipv4.allows(ip("2001:db8::9")));
    SourceFilter ipv6 = SourceFilter.parse("::/0");
    assertTrue(ipv6.allows(ip("2001:db8::9")));
    assertTrue(ipv6.allows(ip("203.0.113.9")), "an IPv4 source is in ::/0 as ::ffff:a.b.c.d");
  }

  @Test
  void refusesTextThatIsNotANetworkWithoutResolvingNames() {
    for (String bad :
        new String[] {
          "example.com", "10.0.0.0/33", "::/129", "10.0.0/8", "10.0.0.0/x", "1.2.3.4.5"
        }) {
      assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
    }
  }

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }
}
