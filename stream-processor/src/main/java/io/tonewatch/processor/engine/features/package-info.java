/** Per-frame acoustic features of one leg: pitch, level, spectral tilt and voice activity. */
package io.tonewatch.processor.engine.features;
