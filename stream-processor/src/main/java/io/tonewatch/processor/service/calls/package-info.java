/**
 * The live calls: one {@code CallAnalyzer} per call, sharded by call id over a fixed pool of engine
 * threads, closed by {@code CallEnded} or a media timeout, under a cap on live calls.
 */
package io.tonewatch.processor.service.calls;
