package io.tonewatch.simulator;

/** Makes the transport of each call; {@code timers} run delayed work on the loop thread. */
@FunctionalInterface
public interface TransportFactory {

  CallTransport create(CallScript script, Timers timers);
}
