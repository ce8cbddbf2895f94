package io.tonewatch.processor.service.consume;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Sorts what a poll throws: fatal errors (the configuration or the credentials are wrong, and
 * retrying cannot help) stop the service; everything else is retried with backoff.
 */
final class PollErrors {
  private PollErrors() {}

  static boolean fatal(KafkaException e) {
    return e instanceof AuthenticationException
        || e instanceof AuthorizationException
        || e instanceof InvalidGroupIdException
        || e instanceof InvalidTopicException
        || e instanceof UnsupportedVersionException
        || e instanceof ConfigException;
  }
}
