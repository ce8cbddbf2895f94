package io.tonewatch.events;

import java.nio.charset.StandardCharsets;

/** JSON codec for {@link CallRecord}: one compact object per record, ISO-8601 times. */
public final class CallRecordJson {
  private CallRecordJson() {}

  public static String toJson(CallRecord record) {
    return EventJson.write(record, "call record " + record.callId());
  }

  public static byte[] toBytes(CallRecord record) {
    return toJson(record).getBytes(StandardCharsets.UTF_8);
  }

  /** Parses one record; unknown fields are ignored so that v1 consumers survive additions. */
  public static CallRecord fromJson(String json) {
    return EventJson.read(json, CallRecord.class, "tonewatch call record");
  }
}
