/** Offline check of the engine's pitch track against Praat's on a directory of 8 kHz WAV files. */
package io.tonewatch.evaluation.pitch;
