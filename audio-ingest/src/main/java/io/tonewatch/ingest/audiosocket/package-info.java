/**
 * Asterisk AudioSocket over TCP: one socket per leg, 8 kHz slin frames named by the call's UUID.
 */
package io.tonewatch.ingest.audiosocket;
