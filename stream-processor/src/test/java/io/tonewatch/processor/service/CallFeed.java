package io.tonewatch.processor.service;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.AudioMessageCodec;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.events.audio.FrameBatch;
import io.tonewatch.processor.engine.CallAnalyzer;
import io.tonewatch.processor.engine.DetectorSettings;
import io.tonewatch.processor.engine.WallClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The audio-topic records of one call, as ingest would publish them (start, the legs' frames
 * interleaved, in batches of {@code framesPerRecord} a leg, end), with record times that run with
 * media time from {@code captureStart}; and the events the engine gives offline for the same
 * frames.
 */
final class CallFeed {
  final String callId;
  final Instant captureStart;
  final List<AudioMessage> messages = new ArrayList<>();

  /** Three frames a record, as ingest sends by default. */
  CallFeed(String callId, SpeechCall call, Instant captureStart) {
    this(callId, call, captureStart, 3);
  }

  CallFeed(String callId, SpeechCall call, Instant captureStart, int framesPerRecord) {
    this.callId = callId;
    this.captureStart = captureStart;
    messages.add(new CallStarted(callId, captureStart, EnumSet.allOf(Leg.class), Map.of()));
    for (int i = 0; i < call.frames(); i += framesPerRecord) {
      int count = Math.min(framesPerRecord, call.frames() - i);
      messages.add(record(Leg.CUSTOMER, call.customer, i, count));
      messages.add(record(Leg.AGENT, call.agent, i, count));
    }
    messages.add(
        new CallEnded(callId, captureStart.plusMillis(call.frames() * 20L), EndReason.HANGUP));
  }

  private AudioMessage record(Leg leg, short[] samples, int first, int count) {
    if (count == 1) {
      return frame(leg, samples, first);
    }
    List<AudioFrame> frames = new ArrayList<>();
    int[] captureOffsetsMs = new int[count];
    for (int i = 0; i < count; i++) {
      frames.add(frame(leg, samples, first + i));
      captureOffsetsMs[i] = i * AudioFrame.FRAME_MILLIS;
    }
    return new FrameBatch(frames, captureOffsetsMs);
  }

  private AudioFrame frame(Leg leg, short[] samples, int index) {
    int from = index * AudioFrame.SAMPLES;
    short[] frame = Arrays.copyOfRange(samples, from, from + AudioFrame.SAMPLES);
    return new AudioFrame(callId, leg, index, index * 20L, false, frame);
  }

  /** The record time of a message: capture time of a frame's first sample, or start and end. */
  long recordEpochMs(AudioMessage message) {
    if (message instanceof AudioFrame frame) {
      return captureStart.toEpochMilli() + frame.mediaTimeMs();
    }
    if (message instanceof FrameBatch batch) {
      return captureStart.toEpochMilli() + batch.frames().get(0).mediaTimeMs();
    }
    if (message instanceof CallEnded ended) {
      return ended.endedAt().toEpochMilli();
    }
    return captureStart.toEpochMilli();
  }

  /** The media time both legs have reached once the messages before {@code index} are read. */
  long mediaTimeMsBefore(int index) {
    long reachedMs = 0;
    for (AudioMessage message : messages.subList(0, index)) {
      if (message instanceof FrameBatch batch) {
        reachedMs = batch.frames().get(batch.frames().size() - 1).mediaTimeMs() + 20;
      } else if (message instanceof AudioFrame frame) {
        reachedMs = frame.mediaTimeMs() + 20;
      }
    }
    return reachedMs;
  }

  /** Sends messages {@code from} (inclusive) to {@code to} (exclusive), keyed by call id. */
  void send(Producer<byte[], byte[]> producer, String topic, int from, int to) {
    byte[] key = callId.getBytes(StandardCharsets.UTF_8);
    for (AudioMessage message : messages.subList(from, to)) {
      producer.send(
          new ProducerRecord<>(
              topic, null, recordEpochMs(message), key, AudioMessageCodec.encode(message)));
    }
    producer.flush();
  }

  /** The events {@code CallAnalyzer} gives offline for the same frames, in the same order. */
  List<AlertEvent> offline() {
    List<AlertEvent> events = new ArrayList<>();
    CallAnalyzer analyzer =
        new CallAnalyzer(
            callId,
            DetectorSettings.defaults(),
            WallClock.anchoredAt(captureStart),
            events::add,
            null);
    for (AudioMessage message : messages) {
      List<AudioMessage> frames =
          message instanceof FrameBatch batch ? List.copyOf(batch.frames()) : List.of(message);
      for (AudioMessage each : frames) {
        if (each instanceof AudioFrame frame) {
          analyzer.onFrame(frame.leg(), frame.samples(), 0, frame.concealed());
        }
      }
    }
    analyzer.finish();
    return events;
  }
}
