package org.otklik.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.otklik.region.Category;

/** Minimal received events for tests of event consumers, with distinct ids and increasing positions. */
public final class TestEvents {

	private TestEvents() {
	}

	/** The n-th (1–99) appeal received after {@code start}: its event's position grows with n. */
	public static AppealEvent received(Instant start, int n) {
		Instant at = start.plus(Duration.ofSeconds(10 + n));
		String id = "65f0000000000000000000" + String.format("%02d", n);
		// The last event is what a retry rebuilds the event from (AppealEventReader.toEvent).
		LastEvent last = new LastEvent(id, AppealEventType.RECEIVED, at, null, null, 1, null, null, null, null, null,
				null, null);
		Appeal appeal = new Appeal(id, 1, AppealStatus.NEW, Channel.VK, "e-" + n, null, null, "Текст " + n, null, null,
				Category.OTHER, false, Reach.NONE, null, null, List.of(), List.of(), 0, 0, at, null, null, null, null,
				List.of(), "test", last, null);
		long position = ((start.getEpochSecond() + 10 + n) << 32) | n;
		return new AppealEvent.AppealReceived(new AppealEvent.Meta(new AppealEventCursor(position, "t" + n), at, null, appeal));
	}

}
