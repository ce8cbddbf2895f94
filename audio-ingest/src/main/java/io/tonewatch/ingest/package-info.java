/** Receives call media from the telephony platform and publishes repaired 20 ms PCM frames. */
package io.tonewatch.ingest;
