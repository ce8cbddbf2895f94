/**
 * Alert events and leg summaries out to Kafka: idempotent, acks=all, each tied to its call's hold.
 */
package io.tonewatch.processor.service.publish;
