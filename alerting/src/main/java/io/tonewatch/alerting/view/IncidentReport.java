package io.tonewatch.alerting.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the team lead gets after an escalated call.
 *
 * @param callId the call
 * @param team its team
 * @param startedAt when it started
 * @param endedAt when it ended; null while it is still live
 * @param metadata the call's registration metadata, caller masked
 * @param timeline episodes and actions in time order
 * @param scoreSeries per leg wire name, the score over the call: pairs of seconds-from-start and
 *     score, at most one a second
 * @param crmNote a short note in plain language for the CRM
 */
public record IncidentReport(
    String callId,
    String team,
    Instant startedAt,
    Instant endedAt,
    Map<String, String> metadata,
    List<HistoryEntry> timeline,
    Map<String, List<double[]>> scoreSeries,
    String crmNote) {}
