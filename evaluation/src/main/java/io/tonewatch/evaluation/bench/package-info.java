/**
 * Measures what the engine costs per leg, and aubio's pitch tracker on the same audio for scale.
 */
package io.tonewatch.evaluation.bench;
