package io.tonewatch.ingest.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One network in CIDR notation (RFC 4632 section 3.1 for IPv4, RFC 4291 section 2.3 for IPv6), e.g.
 * {@code 10.0.0.0/8} or {@code 2001:db8::/32}. A bare address is a /32 or /128. IPv4-mapped IPv6
 * addresses ({@code ::ffff:a.b.c.d}) match IPv4 networks.
 *
 * @param network the network's address bytes with the host bits cleared (4 or 16 bytes)
 * @param prefixBits how many leading bits must match
 */
public record Cidr(byte[] network, int prefixBits) {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final byte[] MAPPED_PREFIX = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF
  };

  public Cidr {
    if (network == null || (network.length != 4 && network.length != 16)) {
      throw new IllegalArgumentException("a network has 4 or 16 address bytes");
    }
    if (prefixBits < 0 || prefixBits > network.length * 8) {
      throw new IllegalArgumentException("prefix /" + prefixBits + " is too long for the address");
    }
    network = mask(network.clone(), prefixBits);
  }

  /** Parses {@code 192.168.0.0/16}, {@code ::1/128}, {@code 10.1.2.3}; never resolves names. */
  public static Cidr parse(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    boolean v6 = address.indexOf(':') >= 0;
    if (!v6 && !IPV4.matcher(address).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 network");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(v6 ? "[" + address + "]" : address).getAddress();
    } catch (UnknownHostException | RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 network", e);
    }
    if (v6 && bytes.length == 4) {
      bytes = mapped(bytes); // Java folds ::ffff:a.b.c.d to IPv4; keep the written family
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' has no numeric prefix length", e);
      }
    }
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException("'" + text + "' has a prefix longer than its address");
    }
    return new Cidr(bytes, prefix);
  }

  /** True when {@code address} lies in this network. */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      bytes = bytes.length == 4 ? mapped(bytes) : unmapped(bytes);
      if (bytes == null) {
        return false;
      }
    }
    return Arrays.equals(mask(bytes, prefixBits), network);
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefixBits == prefixBits && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixBits;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixBits;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // 4 or 16 bytes never fail
    }
  }

  private static byte[] mask(byte[] bytes, int prefixBits) {
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefixBits - i * 8));
      bytes[i] &= (byte) (0xFF00 >>> keep);
    }
    return bytes;
  }

  private static byte[] mapped(byte[] v4) {
    byte[] v6 = Arrays.copyOf(MAPPED_PREFIX, 16);
    System.arraycopy(v4, 0, v6, 12, 4);
    return v6;
  }

  private static byte[] unmapped(byte[] v6) {
    return Arrays.equals(v6, 0, 12, MAPPED_PREFIX, 0, 12) ? Arrays.copyOfRange(v6, 12, 16) : null;
  }
}
