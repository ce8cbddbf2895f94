package io.tonewatch.evaluation.report;

import io.tonewatch.evaluation.analysis.CallAnalysis;
import io.tonewatch.events.Leg;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Draws an analysed call as one PNG: a strip of call-level episodes, then per leg stacked panels of
 * pitch, level, tilt and arousal score on one shared time axis, raised-voice episodes shaded.
 */
public final class FeaturePlot {

  private static final int WIDTH_PX = PlotPanels.WIDTH_PX;
  private static final int HEADER_PX = 64;
  private static final int HEADING_PX = 28;

  /** A heading line or a panel. */
  private record Row(String heading, PlotRows.Panel panel) {}

  private FeaturePlot() {}

  /** Writes the figure as PNG to {@code png}, exactly that path. */
  public static void write(CallAnalysis analysis, Path png) throws IOException {
    if (!ImageIO.write(render(analysis), "png", png.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  static BufferedImage render(CallAnalysis analysis) {
    double endS = analysis.audio().durationS();
    PlotRows plot = new PlotRows(endS, Episode.fromEvents(analysis.events(), endS));
    List<Leg> legs = analysis.audio().layout().legsByChannel();
    List<Row> rows = new ArrayList<>();
    if (legs.size() == 2) {
      rows.add(new Row("call: mutual escalation (upper bar), overtalk (lower bar)", null));
      rows.add(new Row(null, plot.callStrip()));
    }
    for (Leg leg : legs) {
      rows.add(new Row(leg.wireName() + " (channel " + (legs.indexOf(leg) + 1) + ")", null));
      for (PlotRows.Panel panel : plot.leg(leg, analysis.features(leg))) {
        rows.add(new Row(null, panel));
      }
    }
    List<BufferedImage> images = alignedPanels(rows);
    int height = HEADER_PX;
    for (Row row : rows) {
      height += row.panel() == null ? HEADING_PX : 0;
    }
    for (BufferedImage image : images) {
      height += image.getHeight();
    }
    BufferedImage figure = new BufferedImage(WIDTH_PX, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = figure.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH_PX, height);
      header(g, analysis, endS);
      int y = HEADER_PX;
      int next = 0;
      for (Row row : rows) {
        if (row.panel() == null) {
          g.setColor(new Color(0x263238));
          g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
          g.drawString(row.heading(), 12, y + 20);
          y += HEADING_PX;
        } else {
          BufferedImage image = images.get(next++);
          g.drawImage(image, WIDTH_PX - image.getWidth(), y, null);
          y += image.getHeight();
        }
      }
    } finally {
      g.dispose();
    }
    return figure;
  }

  /**
   * Renders every panel so that all plot areas start at the same x: y axes differ in width, so
   * panels with a narrower axis are drawn narrower and placed further right.
   */
  private static List<BufferedImage> alignedPanels(List<Row> rows) {
    List<PlotRows.Panel> panels = rows.stream().map(Row::panel).filter(p -> p != null).toList();
    int[] offsets = new int[panels.size()];
    List<BufferedImage> images = new ArrayList<>();
    int maxOffset = 0;
    for (int i = 0; i < panels.size(); i++) {
      XYChart chart = panels.get(i).make(WIDTH_PX);
      images.add(BitmapEncoder.getBufferedImage(chart));
      offsets[i] = (int) Math.round(chart.getScreenXFromChart(0.0));
      maxOffset = Math.max(maxOffset, offsets[i]);
    }
    for (int i = 0; i < panels.size(); i++) {
      int shift = maxOffset - offsets[i];
      if (shift > 0) {
        images.set(i, BitmapEncoder.getBufferedImage(panels.get(i).make(WIDTH_PX - shift)));
      }
    }
    return images;
  }

  private static void header(Graphics2D g, CallAnalysis analysis, double endS) {
    g.setColor(new Color(0x212121));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    g.drawString("tonewatch  " + analysis.audio().name(), 12, 26);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.setColor(new Color(0x555555));
    g.drawString(
        String.format(
            Locale.ROOT,
            "call %s   duration %s   %d alert events   dashed line: the score's opening threshold later in a turn",
            analysis.callId(),
            Timeline.clock(Math.round(endS * 1000)),
            analysis.events().size()),
        12,
        48);
    boolean twoLegs = analysis.audio().layout().channelCount() == 2;
    int x = WIDTH_PX - (twoLegs ? 480 : 230);
    x = swatch(g, x, PlotRows.RAISED, "raised voice");
    x = swatch(g, x, PlotRows.SHOUTING, "shouting");
    if (twoLegs) {
      x = swatch(g, x, PlotRows.MUTUAL, "mutual escalation");
      swatch(g, x, PlotRows.OVERTALK, "overtalk");
    }
  }

  private static int swatch(Graphics2D g, int x, Color fill, String label) {
    g.setColor(fill);
    g.fillRect(x, 36, 14, 14);
    g.setColor(new Color(0x333333));
    g.drawString(label, x + 19, 48);
    return x + 30 + g.getFontMetrics().stringWidth(label);
  }
}
