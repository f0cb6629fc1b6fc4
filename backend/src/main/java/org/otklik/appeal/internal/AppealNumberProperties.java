package org.otklik.appeal.internal;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How appeal numbers look: {@code МАГ-2026-000123} is the region's prefix, the year of intake in the
 * region's time zone and a counter that starts again each year.
 *
 * @param prefix the region's short code, upper case
 * @param zone the region's time zone, which decides the year of an appeal received around midnight
 * @param digits the counter's minimum width (it grows past it rather than wrapping)
 * @param block how many numbers an instance reserves at once: one counter round trip per block instead of per
 *        appeal; the numbers of a block an instance did not use before it stopped are never handed out
 */
@ConfigurationProperties("otklik.appeal.numbers")
public record AppealNumberProperties(String prefix, ZoneId zone, int digits, int block) {

	public AppealNumberProperties {
		prefix = (prefix != null && !prefix.isBlank()) ? prefix.strip().toUpperCase(java.util.Locale.ROOT) : "МАГ";
		zone = (zone != null) ? zone : ZoneId.of("Asia/Magadan");
		digits = (digits > 0) ? digits : 6;
		block = (block > 0) ? block : 20;
	}

}
