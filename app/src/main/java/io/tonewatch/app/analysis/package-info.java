/**
 * Offline analysis of a recorded call: WAV channels to legs, frames through the engine, results.
 */
package io.tonewatch.app.analysis;
