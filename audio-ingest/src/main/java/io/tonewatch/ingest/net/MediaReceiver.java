package io.tonewatch.ingest.net;

/**
 * One RTP stream's receiver as the UDP loop drives it: datagrams in, frames out to the sink. Every
 * method is called from the loop thread only; {@link #onDatagram} must never throw.
 */
public interface MediaReceiver {

  /** One datagram that passed the size, source and rate checks. */
  void onDatagram(byte[] buf, int offset, int length, long arrivalNanos);

  /** Called about every 10 ms: plays out what is due and conceals what is lost. */
  void onTick(long nowNanos);

  /** The stream ends: plays out what it holds. */
  void finish();

  /** When the last accepted packet arrived ({@link System#nanoTime()} scale). */
  long lastArrivalNanos();

  /** Counts so far, for the control API's call list. */
  StreamStats stats();
}
