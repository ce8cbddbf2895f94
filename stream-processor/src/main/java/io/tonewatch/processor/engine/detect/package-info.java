/** Decisions with hysteresis: raised voice per leg, mutual escalation and overtalk per call. */
package io.tonewatch.processor.engine.detect;
