/** Human-readable and tabular reports of an analysed call: timeline, feature CSV and plot. */
package io.tonewatch.evaluation.report;
