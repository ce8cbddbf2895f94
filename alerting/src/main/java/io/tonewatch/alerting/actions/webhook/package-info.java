/**
 * Signed JSON webhooks: a sender with a bounded queue, retries with exponential backoff and a
 * bounded dead-letter store, and the call platform that asks a webhook receiver to act.
 */
package io.tonewatch.alerting.actions.webhook;
