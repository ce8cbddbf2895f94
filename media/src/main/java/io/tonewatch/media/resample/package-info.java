/** Band-limited resampling of 16-bit PCM between sample rates, whole or block by block. */
package io.tonewatch.media.resample;
