/**
 * What the console and the HTTP API may read and ask of the alerting service: a read model filtered
 * by who is looking, changes to push to open pages, and the gateway actions go through. The service
 * implements it; the console depends only on it.
 */
package io.tonewatch.alerting.view;
