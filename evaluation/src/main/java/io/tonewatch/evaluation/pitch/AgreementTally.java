package io.tonewatch.evaluation.pitch;

import java.util.Locale;

/** Frame counts of one group of files (a speaker, a sex, everything) compared with Praat. */
final class AgreementTally {
  /** Agreement tolerance: the figure is the share of both-voiced frames within 20 %. */
  static final double TOLERANCE = 0.20;

  private int files;
  private long frames;
  private long praatVoiced;
  private long praatVoicedOursVoiced;
  private long oursVoiced;
  private long oursVoicedPraatUnvoiced;
  private long bothVoiced;
  private long within;
  private long octaveUp;
  private long octaveDown;
  private long otherErrors;

  void addFile() {
    files++;
  }

  /** One of our frames and the Praat frame nearest to it in time; 0 Hz means unvoiced. */
  void add(double oursHz, double praatHz) {
    frames++;
    boolean ours = oursHz > 0;
    boolean praat = praatHz > 0;
    if (praat) {
      praatVoiced++;
      if (ours) {
        praatVoicedOursVoiced++;
      }
    }
    if (ours) {
      oursVoiced++;
      if (!praat) {
        oursVoicedPraatUnvoiced++;
      }
    }
    if (!ours || !praat) {
      return;
    }
    bothVoiced++;
    if (near(oursHz, praatHz)) {
      within++;
    } else if (near(oursHz, 2 * praatHz)) {
      octaveUp++;
    } else if (near(oursHz, praatHz / 2)) {
      octaveDown++;
    } else {
      otherErrors++;
    }
  }

  void addAll(AgreementTally other) {
    files += other.files;
    frames += other.frames;
    praatVoiced += other.praatVoiced;
    praatVoicedOursVoiced += other.praatVoicedOursVoiced;
    oursVoiced += other.oursVoiced;
    oursVoicedPraatUnvoiced += other.oursVoicedPraatUnvoiced;
    bothVoiced += other.bothVoiced;
    within += other.within;
    octaveUp += other.octaveUp;
    octaveDown += other.octaveDown;
    otherErrors += other.otherErrors;
  }

  double agreement() {
    return share(within, bothVoiced);
  }

  static String header() {
    return String.format(
        Locale.ROOT,
        "%-12s %5s %6s %6s %8s %7s %7s %7s %9s %9s",
        "group",
        "files",
        "frames",
        "both",
        "within20",
        "oct-up",
        "oct-dn",
        "other",
        "praatV>us",
        "usV>praU");
  }

  String row(String name) {
    return String.format(
        Locale.ROOT,
        "%-12s %5d %6d %6d %7.2f%% %6.2f%% %6.2f%% %6.2f%% %8.1f%% %8.1f%%",
        name,
        files,
        frames,
        bothVoiced,
        100 * agreement(),
        100 * share(octaveUp, bothVoiced),
        100 * share(octaveDown, bothVoiced),
        100 * share(otherErrors, bothVoiced),
        100 * share(praatVoicedOursVoiced, praatVoiced),
        100 * share(oursVoicedPraatUnvoiced, oursVoiced));
  }

  private static boolean near(double hz, double referenceHz) {
    return Math.abs(hz - referenceHz) <= TOLERANCE * referenceHz;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
