/** The all-in-one {@code tonewatch run}: broker, ingest and stream-processor in one JVM. */
package io.tonewatch.app.run;
