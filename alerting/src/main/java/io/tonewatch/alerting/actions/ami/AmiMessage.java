package io.tonewatch.alerting.actions.ami;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One AMI packet: {@code Key: Value} lines ended by a blank line, in order. A value may not hold a
 * line break, so no field can smuggle another action in. Immutable.
 */
record AmiMessage(Map<String, String> fields) {

  AmiMessage {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** An action with its {@code ActionID} and fields in the order given. */
  static AmiMessage action(String action, String actionId, String... keysAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Action", action);
    fields.put("ActionID", actionId);
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      fields.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    for (String value : fields.values()) {
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("an AMI value holds a line break");
      }
    }
    return new AmiMessage(fields);
  }

  String get(String key) {
    return fields.get(key);
  }

  /** A response to the action {@code actionId}. */
  boolean isResponseTo(String actionId) {
    return fields.containsKey("Response") && !fields.containsKey("Event") && answers(actionId);
  }

  /** The event {@code name} correlated with {@code actionId}. */
  boolean isEvent(String name, String actionId) {
    return name.equalsIgnoreCase(fields.get("Event")) && answers(actionId);
  }

  private boolean answers(String actionId) {
    return actionId.equals(fields.get("ActionID"));
  }

  /** The wire form: CRLF after each field and one more at the end. */
  String encode() {
    StringBuilder out = new StringBuilder();
    fields.forEach((k, v) -> out.append(k).append(": ").append(v).append("\r\n"));
    return out.append("\r\n").toString();
  }

  /** For logs: the action and its id, never the fields (a Login carries the secret). */
  @Override
  public String toString() {
    return "AmiMessage[" + fields.getOrDefault("Action", fields.get("Event")) + "]";
  }
}
