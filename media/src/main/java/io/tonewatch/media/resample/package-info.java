/** Band-limited resampling of 16-bit PCM between sample rates. */
package io.tonewatch.media.resample;
