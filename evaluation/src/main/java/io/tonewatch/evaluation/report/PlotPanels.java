package io.tonewatch.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Builds the XChart panels of a feature plot: one style, one x range, episodes as shading. */
final class PlotPanels {

  static final int WIDTH_PX = 1400;
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font TITLES = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Color GRID = new Color(0xE4E4E4);

  private final double endS;

  PlotPanels(double endS) {
    this.endS = Math.max(endS, 1.0);
  }

  /** An empty panel with a y range; x ticks (as m:ss) only where {@code showTime}. */
  XYChart panel(
      int widthPx, String yTitle, int heightPx, double yMin, double yMax, boolean showTime) {
    XYChart chart = new XYChart(widthPx, heightPx);
    chart.setYAxisTitle(yTitle);
    chart.setXAxisTitle(showTime ? "time (m:ss)" : "");
    var styler = chart.getStyler();
    styler.setChartTitleVisible(false);
    styler.setLegendVisible(false);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(new Color(0xB0B0B0));
    styler.setPlotGridLinesColor(GRID);
    styler.setChartPadding(2);
    styler.setPlotMargin(0);
    styler.setAxisTickLabelsFont(TICKS);
    styler.setAxisTitleFont(TITLES);
    styler.setXAxisTicksVisible(showTime);
    styler.setXAxisTitleVisible(showTime);
    styler.setXAxisMin(0.0);
    styler.setXAxisMax(endS);
    styler.setYAxisMin(yMin);
    styler.setYAxisMax(yMax);
    styler.setXAxisTickMarkSpacingHint(90);
    styler.setYAxisTickMarkSpacingHint(35);
    styler.setxAxisTickLabelsFormattingFunction(PlotPanels::minutesSeconds);
    styler.setyAxisTickLabelsFormattingFunction(PlotPanels::tickLabel);
    styler.setAnnotationLineColor(new Color(0xC62828));
    styler.setAnnotationLineStroke(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    return chart;
  }

  /** Shades each [start, end] interval over the full height of the panel. */
  static void shade(XYChart chart, String name, List<double[]> intervalsS, Color fill) {
    band(
        chart,
        name,
        intervalsS,
        chart.getStyler().getYAxisMin(),
        chart.getStyler().getYAxisMax(),
        fill);
  }

  /** Fills each [start, end] interval between two y values. */
  static void band(
      XYChart chart,
      String name,
      List<double[]> intervalsS,
      double yLow,
      double yHigh,
      Color fill) {
    if (intervalsS.isEmpty()) {
      return;
    }
    int n = intervalsS.size() * 4 + 1;
    double[] x = new double[n];
    double[] y = new double[n];
    int i = 0;
    for (double[] interval : intervalsS) {
      // One polygon along the lower edge: the zero-height bridges between rectangles add no area.
      x[i] = interval[0];
      y[i++] = yLow;
      x[i] = interval[0];
      y[i++] = yHigh;
      x[i] = interval[1];
      y[i++] = yHigh;
      x[i] = interval[1];
      y[i++] = yLow;
    }
    x[i] = x[0];
    y[i] = yLow;
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    series.setFillColor(fill);
    series.setLineColor(new Color(0, 0, 0, 0)); // no outline: it would draw the bridges
    series.setMarker(SeriesMarkers.NONE);
  }

  static void line(XYChart chart, String name, double[] x, double[] y, Color color, float widthPx) {
    if (x.length == 0) {
      return; // XChart refuses empty series; an empty panel says "no data" well enough
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    series.setLineColor(color);
    series.setLineWidth(widthPx);
    series.setMarker(SeriesMarkers.NONE);
  }

  static void dots(XYChart chart, String name, double[] x, double[] y, Color color, int sizePx) {
    if (x.length == 0) {
      return;
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(color);
    chart.getStyler().setMarkerSize(sizePx);
  }

  static void threshold(XYChart chart, double y) {
    chart.addAnnotation(new AnnotationLine(y, false, false));
  }

  static String minutesSeconds(Double timeS) {
    long s = Math.round(timeS);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String tickLabel(Double value) {
    return Math.abs(value - Math.rint(value)) < 1e-9
        ? Long.toString(Math.round(value))
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
