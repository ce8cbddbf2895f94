package io.tonewatch.alerting.view;

import io.tonewatch.events.Leg;
import java.time.Instant;

/**
 * The latest once-a-second summary of one leg, for the live meter.
 *
 * @param leg customer or agent
 * @param levelDbfs speech level
 * @param score the engine's raised-voice score, 0 to 1
 * @param raised whether the engine holds the leg raised now
 * @param at media time of the summary, as wall-clock time
 */
public record LegMeter(Leg leg, double levelDbfs, double score, boolean raised, Instant at) {}
