package io.tonewatch.alerting.view;

import java.util.Objects;
import java.util.Set;

/**
 * Who is looking: every read and every action is filtered by this.
 *
 * @param user the sign-in name, recorded as the actor of actions
 * @param role what the user may do
 * @param teams the teams whose calls the user sees; ignored for an admin, who sees all
 * @param agentId for an agent, the agent id that call metadata names; null otherwise
 */
public record Viewer(String user, Role role, Set<String> teams, String agentId) {

  public Viewer {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    teams = Set.copyOf(teams);
  }

  /** True if this viewer may see and act on a call of {@code team}. */
  public boolean covers(String team) {
    return role == Role.ADMIN || (team != null && teams.contains(team));
  }
}
