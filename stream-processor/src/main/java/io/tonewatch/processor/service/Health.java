package io.tonewatch.processor.service;

/**
 * What {@code /health} reports.
 *
 * @param ready true when the service takes part in its group and Kafka answers
 * @param status one short sentence: why it is not ready, or that it is
 */
public record Health(boolean ready, String status) {}
