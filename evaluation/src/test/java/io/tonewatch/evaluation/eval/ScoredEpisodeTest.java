package io.tonewatch.evaluation.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoredEpisodeTest {

  @TempDir Path dir;

  private List<ScoredEpisode> read(String... lines) throws IOException {
    Path file = dir.resolve("call.jsonl");
    Files.write(file, List.of(lines));
    return ScoredEpisode.readJsonl(file);
  }

  @Test
  void pairsOpenedAndClosedByLegAndAlertId() throws IOException {
    List<ScoredEpisode> episodes =
        read(
            "{\"alertId\":\"a\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"opened\",\"mediaTimeMs\":1000}",
            "{\"alertId\":\"b\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"opened\",\"mediaTimeMs\":1500}",
            "{\"alertId\":\"a\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"updated\",\"mediaTimeMs\":1700}",
            "{\"alertId\":\"a\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"closed\",\"mediaTimeMs\":2000}",
            "{\"alertId\":\"b\",\"leg\":\"customer\",\"kind\":\"raised_voice\",\"state\":\"closed\",\"mediaTimeMs\":2500}");
    assertEquals(
        List.of(new ScoredEpisode("customer", 1.0, 2.0), new ScoredEpisode("customer", 1.5, 2.5)),
        episodes);
  }

  @Test
  void ignoresCallLevelKindsOtherKindsAndLinesThatAreNotObjects() throws IOException {
    List<ScoredEpisode> episodes =
        read(
            "# comment",
            "",
            "{\"kind\":\"mutual_escalation\",\"state\":\"opened\",\"mediaTimeMs\":1000}",
            "{\"leg\":\"agent\",\"kind\":\"overtalk\",\"state\":\"opened\",\"mediaTimeMs\":1000}",
            "{\"leg\":\"Agent\",\"kind\":\"SHOUTING\",\"state\":\"Opened\",\"mediaTimeMs\":\"3000\"}");
    assertEquals(1, episodes.size());
    ScoredEpisode shouting = episodes.get(0);
    assertEquals("agent", shouting.leg());
    assertEquals(3.0, shouting.openS());
    assertTrue(Double.isInfinite(shouting.closeS()), "never closed: open to the end");
  }

  @Test
  void keysEpisodesWithoutAlertIdByKind() throws IOException {
    List<ScoredEpisode> episodes =
        read(
            "{\"leg\":\"customer\",\"kind\":\"raised\",\"state\":\"opened\",\"mediaTimeMs\":100}",
            "{\"leg\":\"customer\",\"kind\":\"raised\",\"state\":\"opened\",\"mediaTimeMs\":200}",
            "{\"leg\":\"customer\",\"kind\":\"raised\",\"state\":\"closed\",\"mediaTimeMs\":300}",
            "{\"leg\":\"customer\",\"kind\":\"raised\",\"state\":\"closed\",\"mediaTimeMs\":400}");
    assertEquals(List.of(new ScoredEpisode("customer", 0.1, 0.3)), episodes);
  }

  @Test
  void treatsAMissingFileAsNoEpisodes() throws IOException {
    assertEquals(List.of(), ScoredEpisode.readJsonl(dir.resolve("absent.jsonl")));
  }

  @Test
  void rejectsBrokenJsonWithTheLineNumber() {
    IOException e = assertThrows(IOException.class, () -> read("{\"leg\":", "x"));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }
}
