/**
 * The supervisor's console and the agent's page over HTTP (Javalin): sign-in against the users
 * file, sessions with CSRF tokens, the JSON API over the {@code ConsoleView}, live changes by
 * server-sent events, and the pages themselves, served from the jar.
 */
package io.tonewatch.alerting.console;
