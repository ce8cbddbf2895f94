/** Each speaker's own reference for pitch, level and tilt, learned from that leg's calm speech. */
package io.tonewatch.processor.engine.baseline;
