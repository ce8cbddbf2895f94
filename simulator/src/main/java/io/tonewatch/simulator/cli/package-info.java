/**
 * The {@code simulate} command's parts: its options, the checks they pass before anything is sent,
 * and the run that plays the calls and prints the summary.
 */
package io.tonewatch.simulator.cli;
