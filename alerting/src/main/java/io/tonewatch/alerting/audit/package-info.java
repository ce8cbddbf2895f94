/** Planned: the audit trail of who saw, acknowledged and acted on which alert, and when. */
package io.tonewatch.alerting.audit;
