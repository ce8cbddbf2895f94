/** Reading and writing WAV files as 16-bit PCM held in memory. */
package io.tonewatch.media.wav;
