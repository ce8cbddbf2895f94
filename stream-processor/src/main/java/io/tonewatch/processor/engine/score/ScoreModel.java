package io.tonewatch.processor.engine.score;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * A logistic model of a raised voice over the {@link ModelInput}s of the current turn, with the
 * hysteresis thresholds fitted beside it: the score is the log-odds {@code bias + Σ weight·input}.
 * An episode opens when the score stays at or above {@code openLogit + earlyPenalty /
 * voicedFramesInTurn} (few frames are a noisy median) and closes below {@code closeLogit}. The
 * bundled model is a versioned resource fitted by {@code eval/fit-score.py}; immutable.
 *
 * @param version names the fit (the alert events' detector version carries it)
 * @param bias the log-odds with every input at 0
 * @param weights one per {@link ModelInput}, by ordinal, in log-odds per unit of the input
 * @param openLogit score at or above which a turn with many voiced frames counts as raised
 * @param closeLogit score under which a speech frame counts as calm again (below openLogit)
 * @param earlyPenalty added to openLogit divided by the turn's voiced frames so far
 * @param shoutingLogit score at or above which the severity is shouting (above openLogit)
 */
public record ScoreModel(
    String version,
    double bias,
    double[] weights,
    double openLogit,
    double closeLogit,
    double earlyPenalty,
    double shoutingLogit) {

  /** The model shipped with the engine: a properties resource on the classpath. */
  public static final String BUNDLED_RESOURCE =
      "io.tonewatch.processor.engine.score.RaisedVoiceModel";

  public ScoreModel {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version must be set");
    }
    if (weights.length != ModelInput.values().length) {
      throw new IllegalArgumentException(
          "weights must have " + ModelInput.values().length + " values, had " + weights.length);
    }
    weights = weights.clone();
    if (!(closeLogit < openLogit) || !(shoutingLogit > openLogit) || !(earlyPenalty >= 0)) {
      throw new IllegalArgumentException(
          "need closeLogit < openLogit < shoutingLogit and earlyPenalty >= 0, were "
              + closeLogit
              + ", "
              + openLogit
              + ", "
              + shoutingLogit
              + ", "
              + earlyPenalty);
    }
  }

  /** The log-odds of a raised voice for {@code inputs}, indexed by {@link ModelInput} ordinal. */
  public double logit(double[] inputs) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * inputs[i];
    }
    return z;
  }

  public double weight(ModelInput input) {
    return weights[input.ordinal()];
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The bundled model, read once from the classpath. */
  public static ScoreModel bundled() {
    return Bundled.MODEL;
  }

  /**
   * Parses a model file's text: {@code key=value} lines ({@code #} starts a comment) with {@code
   * version}, {@code bias}, {@code weight.KEY} for every input key, and {@code open.logit}, {@code
   * close.logit}, {@code early.penalty}, {@code shouting.logit}. The engine does no I/O: callers
   * read the file.
   *
   * @throws IllegalArgumentException naming the key and value that is missing or not a number
   */
  public static ScoreModel parse(String text, String source) {
    Map<String, String> values = new HashMap<>();
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      int eq = trimmed.indexOf('=');
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") && eq > 0) {
        values.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
      }
    }
    return from(values::get, source);
  }

  private static ScoreModel from(UnaryOperator<String> lookup, String source) {
    double[] w = new double[ModelInput.values().length];
    for (ModelInput input : ModelInput.values()) {
      w[input.ordinal()] = number(lookup, "weight." + input.key(), source);
    }
    double bias = number(lookup, "bias", source);
    double open = number(lookup, "open.logit", source);
    double close = number(lookup, "close.logit", source);
    double early = number(lookup, "early.penalty", source);
    double shouting = number(lookup, "shouting.logit", source);
    String version = lookup.apply("version");
    try {
      return new ScoreModel(version == null ? "" : version, bias, w, open, close, early, shouting);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static double number(UnaryOperator<String> lookup, String key, String source) {
    String text = lookup.apply(key);
    try {
      double value = Double.parseDouble(text == null ? "" : text.trim());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the key and value
    }
    throw new IllegalArgumentException(source + ": " + key + "=" + text + " is not a number");
  }

  @Override
  public String toString() {
    return "ScoreModel["
        + version
        + ", bias="
        + bias
        + ", weights="
        + Arrays.toString(weights)
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreModel m
        && version.equals(m.version)
        && Double.compare(bias, m.bias) == 0
        && Arrays.equals(weights, m.weights)
        && Double.compare(openLogit, m.openLogit) == 0
        && Double.compare(closeLogit, m.closeLogit) == 0
        && Double.compare(earlyPenalty, m.earlyPenalty) == 0
        && Double.compare(shoutingLogit, m.shoutingLogit) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * version.hashCode() + Arrays.hashCode(weights);
  }

  /** Lazy holder: the resource is read on first use only. */
  private static final class Bundled {
    static final ScoreModel MODEL = load();

    private static ScoreModel load() {
      ResourceBundle bundle = ResourceBundle.getBundle(BUNDLED_RESOURCE, Locale.ROOT);
      return from(key -> bundle.containsKey(key) ? bundle.getString(key) : null, BUNDLED_RESOURCE);
    }
  }
}
