/**
 * The HTTP control API: the platform announces and ends calls, lists them, checks health and
 * metrics.
 */
package io.tonewatch.ingest.control;
