/** The hand-off from the receivers to the publisher: the {@code FrameSink} interface. */
package io.tonewatch.ingest.sink;
