/**
 * Calls as RTP (RFC 3550) over UDP: packetising, payload formats (RFC 3551), where each leg goes,
 * and seeded network impairments.
 */
package io.tonewatch.simulator.rtp;
