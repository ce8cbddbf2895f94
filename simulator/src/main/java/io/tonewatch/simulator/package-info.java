/**
 * {@code tonewatch simulate}: real-time call media (RTP, Twilio WebSocket, AudioSocket) from WAV
 * files to a running ingest service, with seeded network impairments.
 */
package io.tonewatch.simulator;
