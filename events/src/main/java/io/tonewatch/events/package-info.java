/** Alert events and the other messages tonewatch puts on Kafka, with their codecs. */
package io.tonewatch.events;
