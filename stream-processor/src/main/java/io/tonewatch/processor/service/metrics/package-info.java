/** The stream-processor service's meters, named once ({@code tonewatch.process.*}). */
package io.tonewatch.processor.service.metrics;
