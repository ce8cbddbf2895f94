/** Offline analysis of a recorded call: each leg's frames through the engine, and the results. */
package io.tonewatch.evaluation.analysis;
