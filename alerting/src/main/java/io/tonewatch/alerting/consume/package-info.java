/**
 * Reads the alerts, features, actions and notifications topics in one loop: first back to the
 * replay horizon to rebuild the ladder, then live, sending what the ladder finds due.
 */
package io.tonewatch.alerting.consume;
