/**
 * The board: the read model behind the console, folded from the same topics as the escalation
 * ladder (calls, alerts, summaries, actions, notifications) and read, filtered by viewer, from the
 * console's threads; and the desk that carries out what a user asks.
 */
package io.tonewatch.alerting.board;
