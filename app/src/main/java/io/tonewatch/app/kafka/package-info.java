/** The all-in-one distribution's in-process single-node KRaft Kafka broker. */
package io.tonewatch.app.kafka;
