/**
 * The RTP network side: one selector loop over many UDP ports, source filter, rate limiter, static
 * mode.
 */
package io.tonewatch.ingest.net;
