/**
 * The stream-processor service: alert events out of the live frames on Kafka, a consumer group
 * whose instances share the partitions and replay a moved call from its start.
 */
package io.tonewatch.processor.service;
