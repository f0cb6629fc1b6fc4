package org.otklik.stats;

import java.time.LocalDate;

/** One local day of the trend chart. */
public record DayStats(LocalDate date, int received, int answered) {
}
