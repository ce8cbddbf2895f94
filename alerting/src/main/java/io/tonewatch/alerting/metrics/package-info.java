/** The alerting service's Micrometer meters, prefixed {@code tonewatch_alerting_}. */
package io.tonewatch.alerting.metrics;
