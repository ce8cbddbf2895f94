/** The ingest service's Micrometer meters: one class owns every name and tag. */
package io.tonewatch.ingest.metrics;
