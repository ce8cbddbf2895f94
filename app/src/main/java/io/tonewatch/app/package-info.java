/** The tonewatch command line: one runnable jar for every mode. */
package io.tonewatch.app;
