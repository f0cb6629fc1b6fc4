package org.otklik.stats;

import org.otklik.region.Category;

/** Figures of one subject area, for the breakdown of an agency's or the region's appeals. */
public record CategoryStats(Category category, int received, int answered, int overdueNow) {
}
