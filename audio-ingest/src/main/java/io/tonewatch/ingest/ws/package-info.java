/** WebSocket media streams in the Twilio Media Streams message format: each track is a leg. */
package io.tonewatch.ingest.ws;
