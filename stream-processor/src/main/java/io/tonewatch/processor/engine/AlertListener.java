package io.tonewatch.processor.engine;

import io.tonewatch.events.AlertEvent;

/** Receives the alert events an analyser decides, in decision order, on the analyser's thread. */
@FunctionalInterface
public interface AlertListener {
  void onAlert(AlertEvent event);
}
