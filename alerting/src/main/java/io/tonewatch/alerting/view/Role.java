package io.tonewatch.alerting.view;

/** What a signed-in user may do; a supervisor and an agent are limited to their own teams. */
public enum Role {
  AGENT,
  SUPERVISOR,
  ADMIN
}
