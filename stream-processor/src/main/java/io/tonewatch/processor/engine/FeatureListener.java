package io.tonewatch.processor.engine;

import io.tonewatch.events.Leg;

/**
 * Receives every analysis frame's features, for CSV export, plots and studies. Optional: an
 * analyser without one allocates nothing per frame.
 */
@FunctionalInterface
public interface FeatureListener {
  void onFeatures(Leg leg, FeatureFrame frame);
}
