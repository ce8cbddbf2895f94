/** Live calls and their legs: admission against the limits, start and end, media timeouts. */
package io.tonewatch.ingest.call;
