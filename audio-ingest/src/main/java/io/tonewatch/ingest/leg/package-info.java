/** One leg's media turned into numbered 20 ms frames: RTP stream receivers and the PCM framer. */
package io.tonewatch.ingest.leg;
