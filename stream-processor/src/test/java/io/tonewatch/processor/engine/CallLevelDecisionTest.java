package io.tonewatch.processor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.SyntheticVoice.Style;
import io.tonewatch.processor.engine.detect.RaisedVoiceRule;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Call-level kinds (overtalk, mutual escalation) and the agent switch, on two generated legs. */
class CallLevelDecisionTest {
  static final Style CUSTOMER_CALM = RaisedVoiceDecisionTest.CALM;
  static final Style AGENT_CALM = new Style(210, -30, -10);
  static final double NOISE_DBFS = -68;

  /**
   * Both legs raised by +5 semitones, +8 dB and a flatter tilt: clearly raised, yet below the pitch
   * jump at which the pitch tracker's octave guard misreads a raised voice (see {@code
   * RaisedVoiceDecisionTest#tracksAndFlagsAVoiceRaisedByAnOctave}), so that these tests are about
   * the call-level logic.
   */
  static final Style CUSTOMER_RAISED = CUSTOMER_CALM.raisedBy(5, 8, 5);

  static final Style AGENT_RAISED = AGENT_CALM.raisedBy(5, 8, 5);

  @Test
  void opensOvertalkWhenBothLegsSpeakAtOnceForFiveSeconds() {
    Legs call = alternating(1, CUSTOMER_CALM, AGENT_CALM, 20);
    Legs both = simultaneous(call, CUSTOMER_CALM, AGENT_CALM, 5);
    Legs after = alternating(call, CUSTOMER_CALM, AGENT_CALM, 10);
    EngineRun run = run(join(call, both, after), DetectorSettings.defaults());

    List<AlertEvent> opened = run.opened(AlertKind.OVERTALK, null);
    assertEquals(1, opened.size(), "one overtalk episode:" + run.describe());
    AlertEvent open = opened.get(0);
    assertNull(open.leg(), "overtalk is call-level");
    assertTrue(open.mediaTimeMs() > 20_000 && open.mediaTimeMs() <= 25_000, run.describe());
    List<AlertEvent> closed = run.events(AlertKind.OVERTALK, null, AlertState.CLOSED);
    assertTrue(closed.get(0).mediaTimeMs() < 28_000, "closes once the talk alternates again");
    assertTrue(open.evidence().overlapSeconds() > 0.5, "overlap evidence " + open.evidence());
    run.assertEpisodesWellFormed();
  }

  @Test
  void doesNotCallAlternatingTurnsWithGapsOvertalk() {
    for (long seed = 2; seed <= 4; seed++) {
      Legs call = alternating(seed, CUSTOMER_CALM, AGENT_CALM, 60);
      EngineRun run = run(call, DetectorSettings.defaults());
      assertTrue(run.events.isEmpty(), "seed " + seed + ":" + run.describe());
    }
  }

  @Test
  void opensMutualEscalationWhenBothLegsAreRaisedTogether() {
    Legs calm = alternating(5, CUSTOMER_CALM, AGENT_CALM, 30);
    Legs raised = simultaneous(calm, CUSTOMER_RAISED, AGENT_RAISED, 10);
    EngineRun run = run(join(calm, raised), DetectorSettings.defaults());

    assertFalse(run.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER).isEmpty(), run.describe());
    assertFalse(run.opened(AlertKind.RAISED_VOICE, Leg.AGENT).isEmpty(), run.describe());
    List<AlertEvent> mutual = run.opened(AlertKind.MUTUAL_ESCALATION, null);
    assertEquals(1, mutual.size(), run.describe());
    assertTrue(mutual.get(0).mediaTimeMs() > 30_000, run.describe());
    assertNull(mutual.get(0).leg());
    run.assertEpisodesWellFormed();
  }

  @Test
  void opensNoMutualEscalationWhenOnlyTheCustomerIsRaised() {
    Legs calm = alternating(6, CUSTOMER_CALM, AGENT_CALM, 30);
    Legs escalating = alternating(calm, CUSTOMER_RAISED, AGENT_CALM, 20);
    EngineRun run = run(join(calm, escalating), DetectorSettings.defaults());

    assertFalse(run.opened(AlertKind.RAISED_VOICE, Leg.CUSTOMER).isEmpty(), run.describe());
    assertTrue(run.opened(AlertKind.RAISED_VOICE, Leg.AGENT).isEmpty(), run.describe());
    assertTrue(run.opened(AlertKind.MUTUAL_ESCALATION, null).isEmpty(), run.describe());
    run.assertEpisodesWellFormed();
  }

  @Test
  void keepsTheAgentLegOutOfPerLegAlertsWhenSwitchedOff() {
    Legs calm = alternating(5, CUSTOMER_CALM, AGENT_CALM, 30);
    Legs raised = simultaneous(calm, CUSTOMER_RAISED, AGENT_RAISED, 10);
    Legs[] parts = {calm, raised};
    EngineRun on = run(join(parts), DetectorSettings.defaults());
    EngineRun off = run(join(parts), new DetectorSettings(false, RaisedVoiceRule.defaults()));

    assertFalse(
        on.opened(AlertKind.RAISED_VOICE, Leg.AGENT).isEmpty(), "switched on:" + on.describe());
    for (AlertEvent e : off.events) {
      assertFalse(e.leg() == Leg.AGENT, "an agent event while switched off: " + e);
    }
    assertEquals(
        on.events(AlertKind.RAISED_VOICE, Leg.CUSTOMER, AlertState.OPENED),
        off.events(AlertKind.RAISED_VOICE, Leg.CUSTOMER, AlertState.OPENED),
        "the customer's alerts do not depend on the switch");
    assertFalse(
        off.opened(AlertKind.MUTUAL_ESCALATION, null).isEmpty(),
        "the agent leg still informs call-level kinds:" + off.describe());
    off.assertEpisodesWellFormed();
  }

  // ---- building two-leg calls ----

  /** The two legs of a stretch of call, as float signals of equal length. */
  record Legs(
      float[] customer,
      float[] agent,
      SyntheticVoice customerVoice,
      SyntheticVoice agentVoice,
      Random random) {}

  /** Turns alternate, customer first, with 0.3-0.8 s gaps between them. */
  private static Legs alternating(long seed, Style customer, Style agent, double seconds) {
    Legs voices =
        new Legs(
            new float[0],
            new float[0],
            new SyntheticVoice(seed),
            new SyntheticVoice(seed + 1000),
            new Random(seed));
    return alternating(voices, customer, agent, seconds);
  }

  private static Legs alternating(Legs voices, Style customer, Style agent, double seconds) {
    int total = SyntheticVoice.samples(seconds);
    float[] c = new float[total];
    float[] a = new float[total];
    int at = 0;
    boolean customerTurn = true;
    while (at < total) {
      SyntheticVoice voice = customerTurn ? voices.customerVoice() : voices.agentVoice();
      float[] turn =
          voice.turn(customerTurn ? customer : agent, 1.8 + voices.random().nextDouble());
      float[] target = customerTurn ? c : a;
      System.arraycopy(turn, 0, target, at, Math.min(turn.length, total - at));
      at += turn.length + SyntheticVoice.samples(0.3 + 0.5 * voices.random().nextDouble());
      customerTurn = !customerTurn;
    }
    return new Legs(c, a, voices.customerVoice(), voices.agentVoice(), voices.random());
  }

  /**
   * Both legs talk at once, each in one long turn with only short pauses between syllables, for
   * {@code seconds}.
   */
  private static Legs simultaneous(Legs voices, Style customer, Style agent, double seconds) {
    float[] c = voices.customerVoice().turn(customer, seconds);
    float[] a = voices.agentVoice().turn(agent, seconds);
    return new Legs(c, a, voices.customerVoice(), voices.agentVoice(), voices.random());
  }

  private static Legs join(Legs... parts) {
    float[][] c = new float[parts.length][];
    float[][] a = new float[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      c[i] = parts[i].customer();
      a[i] = parts[i].agent();
    }
    Legs last = parts[parts.length - 1];
    return new Legs(
        TestSignals.concat(c),
        TestSignals.concat(a),
        last.customerVoice(),
        last.agentVoice(),
        last.random());
  }

  private static EngineRun run(Legs call, DetectorSettings settings) {
    short[] customer = TestSignals.pcm(TestSignals.withNoise(call.customer(), NOISE_DBFS, 11));
    short[] agent = TestSignals.pcm(TestSignals.withNoise(call.agent(), NOISE_DBFS, 12));
    return EngineRun.stereo(customer, agent, settings);
  }
}
