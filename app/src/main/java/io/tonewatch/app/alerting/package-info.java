/**
 * Runs the alerting service from the command line and inside {@code run}: settings, HTTP, metrics.
 */
package io.tonewatch.app.alerting;
