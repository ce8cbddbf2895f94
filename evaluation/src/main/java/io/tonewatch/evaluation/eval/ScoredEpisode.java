package io.tonewatch.evaluation.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A raised-voice episode as the scorer sees it, rebuilt from any JSON Lines that carry {@code leg},
 * {@code kind}, {@code state} and {@code mediaTimeMs}: not only tonewatch's own events.
 *
 * @param leg lower-cased leg name
 * @param openS media time of the opening, in seconds
 * @param closeS media time of the closing, or positive infinity if it never closed
 */
public record ScoredEpisode(String leg, double openS, double closeS) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads {@code jsonl} like score.py's {@code episodes()}: lines not starting with '{' are
   * skipped, only leg-level kinds naming a raised voice or shouting count, episodes are keyed by
   * leg and alertId (or kind). A missing file means no episodes.
   */
  public static List<ScoredEpisode> readJsonl(Path jsonl) throws IOException {
    List<ScoredEpisode> episodes = new ArrayList<>();
    if (!Files.exists(jsonl)) {
      return episodes;
    }
    Map<String, Double> openAt = new LinkedHashMap<>();
    Map<String, String> legOfKey = new LinkedHashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        line = line.strip();
        if (!line.startsWith("{")) {
          continue;
        }
        JsonNode e = parse(line, jsonl, lineNo);
        String kind = pyStr(e, "kind").toLowerCase(Locale.ROOT);
        String leg = pyStr(e, "leg").toLowerCase(Locale.ROOT);
        if (leg.isEmpty() || !(kind.contains("raise") || kind.contains("shout"))) {
          continue;
        }
        double t = mediaTimeMs(e, jsonl, lineNo) / 1000.0;
        JsonNode id = e.get("alertId");
        String key = leg + '\u0000' + (truthy(id) ? id.asText() : kind);
        String state = pyStr(e, "state").toLowerCase(Locale.ROOT);
        if (state.equals("opened") && !openAt.containsKey(key)) {
          openAt.put(key, t);
          legOfKey.put(key, leg);
        } else if (state.equals("closed") && openAt.containsKey(key)) {
          episodes.add(new ScoredEpisode(leg, openAt.remove(key), t));
        }
      }
    }
    for (Map.Entry<String, Double> open : openAt.entrySet()) {
      episodes.add(
          new ScoredEpisode(
              legOfKey.get(open.getKey()), open.getValue(), Double.POSITIVE_INFINITY));
    }
    return episodes;
  }

  private static JsonNode parse(String line, Path file, int lineNo) throws IOException {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IOException(file.getFileName() + " line " + lineNo + " is not valid JSON", e);
    }
  }

  /** Python's {@code str(e.get(name, ""))}: absent is "", JSON null is "None". */
  private static String pyStr(JsonNode e, String name) {
    JsonNode v = e.get(name);
    if (v == null) {
      return "";
    }
    if (v.isNull()) {
      return "None";
    }
    return v.isTextual() ? v.asText() : v.toString();
  }

  private static boolean truthy(JsonNode v) {
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isTextual()) {
      return !v.asText().isEmpty();
    }
    return !v.isNumber() || v.asDouble() != 0;
  }

  private static double mediaTimeMs(JsonNode e, Path file, int lineNo) throws IOException {
    JsonNode v = e.get("mediaTimeMs");
    try {
      if (v != null && v.isNumber()) {
        return v.asDouble();
      }
      if (v != null && v.isTextual()) {
        return Double.parseDouble(v.asText());
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IOException(file.getFileName() + " line " + lineNo + " has no numeric mediaTimeMs");
  }
}
