/** Calls as Twilio Media Streams: one WebSocket per call, its JSON messages. */
package io.tonewatch.simulator.twilio;
