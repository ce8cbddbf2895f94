/** Publishes the repaired audio messages to Kafka through a bounded, drop-oldest queue. */
package io.tonewatch.ingest.publish;
