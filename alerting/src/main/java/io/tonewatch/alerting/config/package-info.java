/**
 * The alerting service's settings and escalation policy: keys, defaults, sources in precedence
 * order, and checks that name the key, the value and the line of the file it came from.
 */
package io.tonewatch.alerting.config;
