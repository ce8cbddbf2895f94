package io.tonewatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;

/** JSON codec for {@link LegSummary}: one compact object per summary, ISO-8601 wall-clock times. */
public final class LegSummaryJson {
  private LegSummaryJson() {}

  /** One line of JSON, without a trailing newline. */
  public static String toJson(LegSummary summary) {
    try {
      return EventJson.MAPPER.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the summary of call " + summary.callId(), e);
    }
  }

  public static byte[] toBytes(LegSummary summary) {
    return toJson(summary).getBytes(StandardCharsets.UTF_8);
  }

  /** Parses one summary; unknown fields are ignored so that v1 consumers survive additions. */
  public static LegSummary fromJson(String json) {
    try {
      return EventJson.MAPPER.readValue(json, LegSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a tonewatch leg summary: " + e.getOriginalMessage(), e);
    }
  }
}
