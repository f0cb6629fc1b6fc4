/**
 * Deadlines on the Russian production calendar: calendars, clocks, policies and the alert check.
 */
@NullMarked
package org.otklik.sla;

import org.jspecify.annotations.NullMarked;
