/** RTP and RTCP wire formats (RFC 3550, 4733, 5761): parsing, wrap-around, source validation. */
package io.tonewatch.ingest.rtp;
