package io.tonewatch.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:9093, 127.0.0.1, 9093",
    "ingest.example:1, ingest.example, 1",
    "[::1]:65535, ::1, 65535"
  })
  void splitsTheHostFromThePortAndUnbracketsIpv6(String text, String host, int port) {
    assertEquals(new HostPort(host, port), HostPort.parse("--audiosocket", text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nohost | --static must be HOST:PORT, was 'nohost'",
        ":4000 | --static must be HOST:PORT, was ':4000'",
        "h:port | --static must be HOST:PORT, was 'h:port'",
        "h:0 | --static port must be 1 to 65535, was 0",
        "h:65536 | --static port must be 1 to 65535, was 65536"
      })
  void aBadValueIsOneSentenceNamingTheOption(String text, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("--static", text));
    assertEquals(message, e.getMessage());
  }
}
