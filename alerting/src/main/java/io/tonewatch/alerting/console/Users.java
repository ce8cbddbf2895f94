package io.tonewatch.alerting.console;

import io.tonewatch.alerting.config.AlertingConfigException;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.Viewer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's users, from a file of lines {@code name:role:teams:agentId:bcrypt-hash} (teams
 * comma-separated, agentId empty but for agents; {@code #} starts a comment). A bad line stops
 * start-up naming the file and line, never the hash. Immutable once loaded.
 */
public final class Users {
  /** One user: who they are to the console and their password's hash. */
  record User(Viewer viewer, String passwordHash) {}

  private final Map<String, User> byName;

  private Users(Map<String, User> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** Nobody can sign in. */
  public static Users none() {
    return new Users(Map.of());
  }

  public static Users load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AlertingConfigException(
          "alerting.console.users-file=" + file + " cannot be read: " + e.getMessage());
    }
    Map<String, User> users = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file.getFileName() + " line " + (i + 1);
      User user = parse(line, where);
      if (users.put(user.viewer().user(), user) != null) {
        throw new AlertingConfigException(where + ": user " + user.viewer().user() + " twice");
      }
    }
    return new Users(users);
  }

  private static User parse(String line, String where) {
    String[] f = line.split(":", -1);
    if (f.length != 5) {
      throw new AlertingConfigException(
          where + ": expected name:role:teams:agentId:hash (5 fields), found " + f.length);
    }
    String name = f[0].strip();
    if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new AlertingConfigException(where + ": '" + name + "' is not a user name");
    }
    Role role;
    try {
      role = Role.valueOf(f[1].strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AlertingConfigException(
          where + ": role '" + f[1].strip() + "' is not agent, supervisor or admin");
    }
    Set<String> teams =
        Arrays.stream(f[2].split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    String agentId = f[3].strip().isEmpty() ? null : f[3].strip();
    if (role == Role.AGENT && agentId == null) {
      throw new AlertingConfigException(where + ": an agent needs an agentId");
    }
    if (role != Role.ADMIN && teams.isEmpty()) {
      throw new AlertingConfigException(where + ": a " + f[1].strip() + " needs a team");
    }
    String hash = f[4].strip();
    if (!PasswordHash.wellFormed(hash)) {
      throw new AlertingConfigException(where + ": the password is not a bcrypt hash");
    }
    return new User(new Viewer(name, role, teams, agentId), hash);
  }

  /** The user {@code name} if the password matches. */
  Optional<Viewer> check(String name, char[] password) {
    User user = byName.get(name);
    if (user == null) {
      // The same work as a real check, so timing does not tell which names exist.
      PasswordHash.matches(DUMMY_HASH, password);
      return Optional.empty();
    }
    return PasswordHash.matches(user.passwordHash(), password)
        ? Optional.of(user.viewer())
        : Optional.empty();
  }

  public int size() {
    return byName.size();
  }

  private static final String DUMMY_HASH =
      PasswordHash.hash("not a password".toCharArray(), PasswordHash.COST);
}
