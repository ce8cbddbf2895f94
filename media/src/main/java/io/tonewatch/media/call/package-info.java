/**
 * A recorded call as the engine and the simulator take it: a WAV's channels mapped to legs at 8
 * kHz.
 */
package io.tonewatch.media.call;
