package io.tonewatch.alerting.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.alerting.config.AlertingConfigException;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.Viewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTest {
  @TempDir Path dir;

  private Path file(String text) throws Exception {
    return Files.writeString(dir.resolve("users.txt"), text);
  }

  private static String hash(String password) {
    return PasswordHash.hash(password.toCharArray(), 4);
  }

  @Test
  void aUserSignsInWithTheirPasswordOnly() throws Exception {
    Users users =
        Users.load(file("# comment\n\nsam:supervisor:north, south::" + hash("right") + "\n"));
    assertEquals(
        new Viewer("sam", Role.SUPERVISOR, Set.of("north", "south"), null),
        users.check("sam", "right".toCharArray()).orElseThrow());
    assertTrue(users.check("sam", "wrong".toCharArray()).isEmpty());
    assertTrue(users.check("nobody", "right".toCharArray()).isEmpty());
  }

  @Test
  void aHashIsSaltedAndNeverThePassword() {
    String a = hash("same");
    String b = hash("same");
    assertFalse(a.equals(b));
    assertFalse(a.contains("same"));
    assertTrue(PasswordHash.matches(a, "same".toCharArray()));
    assertFalse(PasswordHash.matches("not a hash", "same".toCharArray()));
  }

  @Test
  void aBadLineStopsStartUpNamingItAndNotTheHash() throws Exception {
    String good = hash("x");
    String[][] cases = {
      {
        "sam:supervisor:north:" + good,
        "line 1: expected name:role:teams:agentId:hash (5 fields), found 4"
      },
      {"sam:boss:north::" + good, "line 1: role 'boss' is not agent, supervisor or admin"},
      {"ann:agent:north::" + good, "line 1: an agent needs an agentId"},
      {"sam:supervisor:::" + good, "line 1: a supervisor needs a team"},
      {"sam:supervisor:north::plaintext", "line 1: the password is not a bcrypt hash"},
      {"sam:admin:::" + good + "\nsam:admin:::" + good, "line 2: user sam twice"},
    };
    for (String[] c : cases) {
      Path f = file(c[0] + "\n");
      AlertingConfigException e =
          assertThrows(AlertingConfigException.class, () -> Users.load(f), c[0]);
      assertEquals("users.txt " + c[1], e.getMessage());
      assertFalse(e.getMessage().contains(good));
    }
  }
}
