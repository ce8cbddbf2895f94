package io.tonewatch.evaluation.report;

import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.FeatureFrame;
import io.tonewatch.processor.engine.FeatureListener;
import java.util.EnumMap;
import java.util.Map;

/**
 * Collects what {@link FeaturePlot} draws while a call is analysed, in memory bounded whatever the
 * call's length: a call of up to {@link LegTrace#CAPACITY} frames per leg is kept whole, a longer
 * one thinned evenly. Owned by the thread that feeds the engine.
 */
public final class PlotTrace implements FeatureListener {

  private final Map<Leg, LegTrace> legs = new EnumMap<>(Leg.class);

  @Override
  public void onFeatures(Leg leg, FeatureFrame frame) {
    legs.computeIfAbsent(leg, l -> new LegTrace()).add(frame);
  }

  /** The leg's series; empty when it had no frames. */
  PlotSeries series(Leg leg) {
    return PlotSeries.of(legs.getOrDefault(leg, new LegTrace()));
  }
}
