/** Per-stream repair of RTP timing: reordering, loss, duplicates and adaptive playout delay. */
package io.tonewatch.ingest.jitter;
