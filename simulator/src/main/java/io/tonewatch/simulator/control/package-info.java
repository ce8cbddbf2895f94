/** The client of ingest's control API: announces calls, learns their RTP ports, ends them. */
package io.tonewatch.simulator.control;
