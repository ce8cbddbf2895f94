/** Calls as Asterisk AudioSocket: one TCP connection per leg, its type-length-value frames. */
package io.tonewatch.simulator.audiosocket;
