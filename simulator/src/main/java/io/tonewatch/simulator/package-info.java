/**
 * The simulation loop: calls from recordings, paced in real time from one thread, each through a
 * {@link io.tonewatch.simulator.CallTransport}; counts and the summary.
 */
package io.tonewatch.simulator;
