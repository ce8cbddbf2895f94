/**
 * Callers' phone numbers made safe to publish: a keyed hash to recognise a caller again and a mask
 * to show, so the number itself never reaches Kafka, a log or a page.
 */
package io.tonewatch.events.callers;
