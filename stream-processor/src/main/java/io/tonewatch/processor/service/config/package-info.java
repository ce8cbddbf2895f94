/** The stream-processor service's settings: keys, defaults, sources in precedence order, checks. */
package io.tonewatch.processor.service.config;
