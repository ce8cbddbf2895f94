/** Integration tests of the whole ingest path against real peers (ffmpeg, GStreamer, Kafka). */
package io.tonewatch.ingest.peers;
