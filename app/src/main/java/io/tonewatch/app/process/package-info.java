/** Wiring of the stream-processor service for the CLI: settings, meters, /health and /metrics. */
package io.tonewatch.app.process;
