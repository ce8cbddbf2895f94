/** The audio messages on the audio topic (frames and call start/end) and their binary codec. */
package io.tonewatch.events.audio;
