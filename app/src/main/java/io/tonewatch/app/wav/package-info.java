/** Reading and writing WAV files as 16-bit PCM, and band-limited resampling between rates. */
package io.tonewatch.app.wav;
