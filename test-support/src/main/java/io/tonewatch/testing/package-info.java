/**
 * Test helpers every module's tests share: {@link io.tonewatch.testing.Await} to wait for a
 * condition instead of sleeping, {@link io.tonewatch.testing.TestKafka}, a real KRaft cluster in
 * the test's JVM, and {@link io.tonewatch.testing.FreePorts}, UDP port ranges outside the ephemeral
 * range.
 */
package io.tonewatch.testing;
