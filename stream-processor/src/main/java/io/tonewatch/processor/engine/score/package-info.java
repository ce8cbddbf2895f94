/**
 * The learned raised-voice score: its named, speaker-relative inputs and the versioned logistic
 * model over them, fitted by {@code eval/fit-score.py} inside speaker-grouped folds.
 */
package io.tonewatch.processor.engine.score;
