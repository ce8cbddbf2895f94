package io.tonewatch.ingest.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;

/**
 * The RTP port range of the control API: hands out an even RTP port with its RTCP port (RTP + 1,
 * RFC 3550 section 11), both bound and non-blocking, skipping ports another process holds.
 * Thread-safe: allocation and release hold this object's lock.
 */
final class PortPool {
  private static final int RECEIVE_BUFFER_BYTES = 256 * 1024;

  private final InetAddress bindAddress;
  private final int firstPort;
  private final int pairs;
  private final BitSet inUse;
  private int cursor; // next pair to try, so released ports rest a while before reuse

  PortPool(InetAddress bindAddress, int portMin, int portMax) {
    this.bindAddress = bindAddress;
    this.firstPort = portMin + (portMin & 1);
    this.pairs = Math.max(0, (portMax - firstPort + 1) / 2);
    this.inUse = new BitSet(pairs);
  }

  /** A bound RTP/RTCP pair, or null when every pair is taken or cannot be bound. */
  synchronized PortPair allocate() {
    for (int tried = 0; tried < pairs; tried++) {
      int pair = cursor;
      cursor = (cursor + 1) % pairs;
      if (inUse.get(pair)) {
        continue;
      }
      int port = firstPort + 2 * pair;
      PortPair bound = tryBind(bindAddress, port);
      if (bound != null) {
        inUse.set(pair);
        return bound;
      }
    }
    return null;
  }

  /** Returns {@code rtpPort}'s pair to the pool (the caller has closed its channels). */
  synchronized void release(int rtpPort) {
    int pair = (rtpPort - firstPort) / 2;
    if (pair >= 0 && pair < pairs) {
      inUse.clear(pair);
    }
  }

  /** Pairs the range holds. */
  int capacity() {
    return pairs;
  }

  /** Binds {@code port} and {@code port + 1} on {@code address}, or null if either is taken. */
  static PortPair tryBind(InetAddress address, int port) {
    DatagramChannel rtp = null;
    try {
      rtp = open(address, port);
      return new PortPair(port, rtp, open(address, port + 1));
    } catch (IOException e) {
      closeQuietly(rtp);
      return null;
    }
  }

  private static DatagramChannel open(InetAddress address, int port) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
      channel.bind(new InetSocketAddress(address, port));
      channel.configureBlocking(false);
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  static void closeQuietly(DatagramChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing a datagram channel releases the port either way
      }
    }
  }

  /** A bound RTP port and its RTCP port. */
  record PortPair(int rtpPort, DatagramChannel rtp, DatagramChannel rtcp) {
    void close() {
      closeQuietly(rtp);
      closeQuietly(rtcp);
    }
  }
}
