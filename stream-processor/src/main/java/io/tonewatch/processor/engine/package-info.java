/** Turns each leg's PCM frames into raised-voice decisions, one call at a time. */
package io.tonewatch.processor.engine;
