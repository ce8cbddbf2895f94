/**
 * Scores alert events against labelled calls, figure for figure as {@code ../shared/eval/score.py}
 * does.
 */
package io.tonewatch.evaluation.eval;
