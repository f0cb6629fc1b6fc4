package org.otklik.push;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's push settings: quiet hours in their own time zone, during which non-urgent notices wait
 * (they are delivered, grouped, when the quiet hours end; urgent appeals still come at once).
 *
 * @param id the user's id (token subject)
 * @param quietHoursEnabled whether quiet hours apply
 * @param quietFrom when quiet hours start, {@code HH:mm} local time
 * @param quietTo when they end; earlier than {@code quietFrom} means they span midnight
 * @param timeZone an IANA zone id
 */
@Document(PushSettings.COLLECTION)
public record PushSettings(@Id String id, boolean quietHoursEnabled, String quietFrom, String quietTo, String timeZone) {

	public static final String COLLECTION = "push_settings";

	/** The settings of a user who never changed them: quiet hours 22:00–08:00 off, the region's zone. */
	public static PushSettings defaults(String userId, ZoneId zone) {
		return new PushSettings(userId, false, "22:00", "08:00", zone.getId());
	}

	/** When the quiet hours around this instant end, or null when the instant is not in quiet hours. */
	public @Nullable Instant quietUntil(Instant now) {
		if (!this.quietHoursEnabled) {
			return null;
		}
		ZoneId zone = ZoneId.of(this.timeZone);
		LocalTime from = LocalTime.parse(this.quietFrom);
		LocalTime to = LocalTime.parse(this.quietTo);
		if (from.equals(to)) {
			return null;
		}
		ZonedDateTime local = now.atZone(zone);
		LocalTime time = local.toLocalTime();
		boolean quiet = from.isBefore(to) ? (!time.isBefore(from) && time.isBefore(to))
				: (!time.isBefore(from) || time.isBefore(to));
		if (!quiet) {
			return null;
		}
		ZonedDateTime end = local.with(to);
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return end.toInstant();
	}

}
