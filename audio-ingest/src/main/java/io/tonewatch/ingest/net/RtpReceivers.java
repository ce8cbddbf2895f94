package io.tonewatch.ingest.net;

import io.tonewatch.events.Leg;
import io.tonewatch.ingest.codec.PayloadMap;
import io.tonewatch.ingest.jitter.JitterSettings;
import io.tonewatch.ingest.leg.RtpStreamReceiver;
import io.tonewatch.ingest.leg.RtpStreamStats;
import io.tonewatch.ingest.leg.StreamLayout;
import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.sink.FrameSink;
import java.util.List;
import java.util.Objects;

/** Makes {@link RtpStreamReceiver}s with the service's payload map and jitter settings. */
public final class RtpReceivers implements ReceiverFactory {
  private final PayloadMap payloads;
  private final JitterSettings jitter;
  private final FrameSink sink;
  private final IngestMetrics metrics;

  public RtpReceivers(
      PayloadMap payloads, JitterSettings jitter, FrameSink sink, IngestMetrics metrics) {
    this.payloads = Objects.requireNonNull(payloads, "payloads");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public MediaReceiver create(String callId, List<Leg> channels) {
    StreamLayout layout =
        channels.size() == 1
            ? StreamLayout.mono(channels.get(0))
            : StreamLayout.stereo(channels.get(0), channels.get(1));
    RtpStreamReceiver receiver =
        new RtpStreamReceiver(callId, layout, payloads, jitter, sink, metrics);
    return new MediaReceiver() {
      @Override
      public void onDatagram(byte[] buf, int offset, int length, long arrivalNanos) {
        receiver.onDatagram(buf, offset, length, arrivalNanos);
      }

      @Override
      public void onTick(long nowNanos) {
        receiver.onTick(nowNanos);
      }

      @Override
      public void finish() {
        receiver.finish();
      }

      @Override
      public long lastArrivalNanos() {
        return receiver.lastArrivalNanos();
      }

      @Override
      public StreamStats stats() {
        RtpStreamStats s = receiver.stats();
        return new StreamStats(s.packetsReceived(), s.lost(), s.jitterMs());
      }
    };
  }
}
