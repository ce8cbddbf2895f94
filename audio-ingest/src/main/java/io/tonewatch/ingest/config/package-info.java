/** The ingest service's settings: keys, defaults, sources in precedence order, validation. */
package io.tonewatch.ingest.config;
