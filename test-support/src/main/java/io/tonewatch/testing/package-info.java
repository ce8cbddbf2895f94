/**
 * Test helpers every module's tests share: {@link io.tonewatch.testing.Await} to wait for a
 * condition instead of sleeping, and {@link io.tonewatch.testing.TestKafka}, a real KRaft cluster
 * in the test's JVM.
 */
package io.tonewatch.testing;
