package io.tonewatch.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * One second of one leg as the engine saw it, published on the features topic for live meters,
 * dashboards and replay: the frames' features folded into a few numbers. Never audio, never a
 * voiceprint.
 *
 * @param schema always {@link #SCHEMA}
 * @param callId the call
 * @param leg the leg
 * @param mediaTimeMs media time of the end of the summarised span, from the start of the leg, in ms
 * @param wallClockTime when the summary was made
 * @param frames 20 ms frames summarised (50 for a full second, fewer for the last span of a leg)
 * @param levelDbfs mean power of the frames that were not concealed, in dBFS (-120 for silence)
 * @param f0Hz median pitch of the voiced frames, 0 when none was voiced
 * @param tiltDb mean spectral tilt of the speech frames, 0 when none was speech
 * @param score highest arousal score of the span (dimensionless, as in {@link Evidence#score()})
 * @param speechShare share of the frames that were speech, 0 to 1
 * @param concealedShare share of the frames that were concealed loss, 0 to 1
 * @param raised true when a raised-voice episode of this leg was open during the span
 * @param detectorVersion version of the engine
 */
@JsonPropertyOrder({
  "schema",
  "callId",
  "leg",
  "mediaTimeMs",
  "wallClockTime",
  "frames",
  "levelDbfs",
  "f0Hz",
  "tiltDb",
  "score",
  "speechShare",
  "concealedShare",
  "raised",
  "detectorVersion"
})
public record LegSummary(
    String schema,
    String callId,
    Leg leg,
    long mediaTimeMs,
    Instant wallClockTime,
    int frames,
    double levelDbfs,
    double f0Hz,
    double tiltDb,
    double score,
    double speechShare,
    double concealedShare,
    boolean raised,
    String detectorVersion) {

  public static final String SCHEMA = "tonewatch.features/v1";

  public LegSummary {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("unsupported schema '" + schema + "', expected " + SCHEMA);
    }
    if (callId == null || callId.isBlank()) {
      throw new IllegalArgumentException("callId must not be blank");
    }
    Objects.requireNonNull(leg, "leg");
    Objects.requireNonNull(wallClockTime, "wallClockTime");
    if (detectorVersion == null || detectorVersion.isBlank()) {
      throw new IllegalArgumentException("detectorVersion must not be blank");
    }
    if (mediaTimeMs < 0 || frames < 1) {
      throw new IllegalArgumentException(
          "mediaTimeMs must be >= 0 and frames >= 1, were " + mediaTimeMs + " and " + frames);
    }
    finite("levelDbfs", levelDbfs);
    finite("tiltDb", tiltDb);
    finite("score", score);
    if (!(f0Hz >= 0) || Double.isInfinite(f0Hz)) {
      throw new IllegalArgumentException("f0Hz must be finite and >= 0, was " + f0Hz);
    }
    share("speechShare", speechShare);
    share("concealedShare", concealedShare);
  }

  private static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }

  private static void share(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
  }
}
