package io.tonewatch.evaluation.report;

import io.tonewatch.events.AlertKind;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import io.tonewatch.processor.engine.FeatureFrame;
import io.tonewatch.processor.engine.detect.RaisedVoiceRule;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/** The rows of a feature plot: a strip of call-level episodes, and five panels per leg. */
final class PlotRows {

  /** Makes a panel at a given width, so the figure can line up plot areas of differing axes. */
  @FunctionalInterface
  interface Panel {
    XYChart make(int widthPx);
  }

  static final Color RAISED = new Color(229, 57, 53, 50);
  static final Color SHOUTING = new Color(198, 40, 40, 85);
  static final Color MUTUAL = new Color(123, 31, 162, 150);
  static final Color OVERTALK = new Color(255, 160, 0, 170);
  private static final Color PITCH = new Color(0x1565C0);
  private static final Color LEVEL = new Color(0x455A64);
  private static final Color TILT = new Color(0xEF6C00);
  private static final Color HAMMARBERG = new Color(0x2E7D32);
  private static final Color SCORE = new Color(0x6A1B9A);

  private final PlotPanels panels;
  private final List<Episode> episodes;

  PlotRows(double endS, List<Episode> episodes) {
    this.panels = new PlotPanels(endS);
    this.episodes = List.copyOf(episodes);
  }

  /** Call-level episodes as bars: mutual escalation above, overtalk below. */
  Panel callStrip() {
    return width -> {
      XYChart chart = panels.panel(width, "call", 64, 0, 2, false);
      chart.getStyler().setYAxisTicksVisible(false);
      chart.getStyler().setPlotGridHorizontalLinesVisible(false);
      PlotPanels.band(
          chart, "mutual", intervals(AlertKind.MUTUAL_ESCALATION, null, null), 1.1, 1.9, MUTUAL);
      PlotPanels.band(
          chart, "overtalk", intervals(AlertKind.OVERTALK, null, null), 0.1, 0.9, OVERTALK);
      return chart;
    };
  }

  /**
   * Pitch, level, tilt, Hammarberg index and score of one leg, its raised-voice episodes shaded on
   * each.
   */
  List<Panel> leg(Leg leg, List<FeatureFrame> frames) {
    PlotSeries s = PlotSeries.of(frames);
    List<Panel> rows = new ArrayList<>();
    rows.add(
        width -> {
          XYChart c =
              shaded(panels.panel(width, "F0 (Hz)", 170, 50, s.pitchCeilingHz(), false), leg);
          PlotPanels.dots(c, "f0", s.voicedTimeS(), s.voicedF0Hz(), PITCH, 3);
          return c;
        });
    rows.add(
        width -> {
          XYChart c =
              shaded(panels.panel(width, "level (dBFS)", 110, s.levelFloorDbfs(), 0, false), leg);
          PlotPanels.line(c, "level", s.timeS(), s.levelDbfs(), LEVEL, 1f);
          return c;
        });
    rows.add(
        width -> {
          XYChart c =
              shaded(
                  panels.panel(width, "tilt (dB)", 110, s.tiltMinDb(), s.tiltMaxDb(), false), leg);
          PlotPanels.line(c, "tilt", s.timeS(), s.speechTiltDb(), TILT, 1.2f);
          return c;
        });
    rows.add(
        width -> {
          XYChart c =
              shaded(
                  panels.panel(
                      width,
                      "Hammarberg (dB)",
                      110,
                      s.hammarbergMinDb(),
                      s.hammarbergMaxDb(),
                      false),
                  leg);
          PlotPanels.dots(c, "hammarberg", s.voicedTimeS(), s.voicedHammarbergDb(), HAMMARBERG, 3);
          return c;
        });
    rows.add(
        width -> {
          XYChart c =
              shaded(panels.panel(width, "arousal score", 150, 0, s.scoreCeiling(), true), leg);
          PlotPanels.line(c, "score", s.timeS(), s.score(), SCORE, 1.6f);
          // the threshold once a turn has many voiced frames; early in a turn it is higher
          PlotPanels.threshold(c, RaisedVoiceRule.defaults().openScore());
          return c;
        });
    return rows;
  }

  private XYChart shaded(XYChart chart, Leg leg) {
    PlotPanels.shade(chart, "raised", intervals(AlertKind.RAISED_VOICE, leg, false), RAISED);
    PlotPanels.shade(chart, "shouting", intervals(AlertKind.RAISED_VOICE, leg, true), SHOUTING);
    return chart;
  }

  /**
   * Episodes of a kind and leg; for raised voice, only those that did (or did not) reach shouting.
   */
  private List<double[]> intervals(AlertKind kind, Leg leg, Boolean shouting) {
    List<double[]> out = new ArrayList<>();
    for (Episode e : episodes) {
      boolean reached = e.peak() == Severity.SHOUTING;
      if (e.kind() == kind && e.leg() == leg && (shouting == null || reached == shouting)) {
        out.add(new double[] {e.startS(), e.endS()});
      }
    }
    return out;
  }
}
