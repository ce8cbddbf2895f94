/** Planned: the supervisor's live console over HTTP and server-sent events (Javalin). */
package io.tonewatch.alerting.console;
