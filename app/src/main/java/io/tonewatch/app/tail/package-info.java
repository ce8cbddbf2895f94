/**
 * Reading alert events back from Kafka and printing them, for {@code tail} and {@code run --demo}.
 */
package io.tonewatch.app.tail;
