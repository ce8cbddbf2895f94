/** Benchmarks of the ingest path: plain main programs that print figures and never assert. */
package io.tonewatch.ingest.bench;
