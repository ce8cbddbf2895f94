/**
 * What may be committed on the audio topic: never past the start of a call still open, nor past a
 * record whose alerts the broker has not acknowledged, so a new owner can replay every open call.
 */
package io.tonewatch.processor.service.offsets;
