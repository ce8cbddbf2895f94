/** The ingest service as a process: Kafka (embedded or external), publisher, metrics, service. */
package io.tonewatch.app.ingest;
