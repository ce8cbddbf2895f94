package io.tonewatch.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free UDP port ranges for tests of services that need a fixed range (RTP hands out port pairs,
 * static mode listens on a configured range). Ranges come from below Linux's ephemeral range
 * (32768-60999), where no socket that binds port 0 can land, so a range checked free stays free
 * unless another test takes it on purpose; the start is random per call so that parallel test JVMs
 * on one machine rarely try the same ports, and every port is proven bindable before it is handed
 * out.
 */
public final class FreePorts {
  /** The lowest port handed out: above the well-known and most registered service ports. */
  static final int LOWEST = 20_000;

  /** The highest port handed out: just below the ephemeral range. */
  static final int HIGHEST = 32_767;

  private static final int ATTEMPTS = 200;

  private FreePorts() {}

  /**
   * The first port of {@code count} consecutive UDP ports, starting on an even port, that are free
   * on 127.0.0.1 now.
   */
  public static int udpRange(int count) {
    if (count < 1 || count > (HIGHEST - LOWEST) / 4) {
      throw new IllegalArgumentException("cannot hand out " + count + " ports");
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count) & ~1;
      if (allFree(loopback, first, count)) {
        return first;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free UDP ports below 32768");
  }

  private static boolean allFree(InetAddress address, int first, int count) {
    List<DatagramSocket> bound = new ArrayList<>(count);
    try {
      for (int port = first; port < first + count; port++) {
        DatagramSocket socket = new DatagramSocket(null);
        bound.add(socket);
        socket.bind(new InetSocketAddress(address, port));
      }
      return true;
    } catch (IOException e) {
      return false;
    } finally {
      bound.forEach(DatagramSocket::close);
    }
  }
}
