/**
 * The consumer of the audio topic: polls, decodes, hands each call's records to its engine thread,
 * commits only what the ledger allows, and sorts errors into fatal, skip-the-record and retry.
 */
package io.tonewatch.processor.service.consume;
