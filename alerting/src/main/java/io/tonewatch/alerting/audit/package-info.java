/**
 * The audit trail on Kafka: actions on {@code tonewatch.actions} and the notifications sent on
 * {@code tonewatch.notifications}, each recorded and acknowledged by the broker before it counts.
 */
package io.tonewatch.alerting.audit;
