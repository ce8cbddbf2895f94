/** Reading WAV files as 16-bit PCM, block by block or whole, and writing them. */
package io.tonewatch.media.wav;
