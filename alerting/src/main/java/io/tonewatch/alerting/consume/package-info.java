/**
 * Planned: reads {@code tonewatch.alerts} as a consumer group and hands each episode on, in order.
 */
package io.tonewatch.alerting.consume;
