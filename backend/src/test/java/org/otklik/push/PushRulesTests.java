package org.otklik.push;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.otklik.security.Caller;
import org.otklik.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet hours across midnight and in the user's zone, the kinds each role may receive, endpoints. */
class PushRulesTests {

	static final ZoneId MAGADAN = ZoneId.of("Asia/Magadan");

	static Instant at(int hour, int minute) {
		return ZonedDateTime.of(2026, 12, 6, hour, minute, 0, 0, MAGADAN).toInstant();
	}

	@Test
	void quietHoursSpanningMidnightEndNextMorningInTheUsersZone() {
		PushSettings settings = new PushSettings("u", true, "22:00", "08:00", "Asia/Magadan");
		assertThat(settings.quietUntil(at(23, 30))).isEqualTo(ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, MAGADAN).toInstant());
		assertThat(settings.quietUntil(at(3, 0))).isEqualTo(at(8, 0));
		assertThat(settings.quietUntil(at(8, 0))).isNull();
		assertThat(settings.quietUntil(at(21, 59))).isNull();
		assertThat(settings.quietUntil(at(22, 0))).isNotNull();
	}

	@Test
	void quietHoursWithinADayAndSwitchedOff() {
		PushSettings day = new PushSettings("u", true, "13:00", "14:00", "Asia/Magadan");
		assertThat(day.quietUntil(at(13, 30))).isEqualTo(at(14, 0));
		assertThat(day.quietUntil(at(14, 30))).isNull();
		assertThat(new PushSettings("u", false, "13:00", "14:00", "Asia/Magadan").quietUntil(at(13, 30))).isNull();
		// The same instant is quiet in Magadan's night but not in Moscow's afternoon.
		PushSettings moscow = new PushSettings("u", true, "22:00", "08:00", "Europe/Moscow");
		assertThat(moscow.quietUntil(at(23, 30))).isNull();
	}

	@Test
	void eachRoleMayReceiveOnlyItsKinds() {
		assertThat(PushNoticeKind.forCaller(new Caller("e", "e", java.util.Set.of(Role.EXECUTOR), "TENKA", "pwa")))
			.containsExactlyInAnyOrder(PushNoticeKind.APPEAL_ASSIGNED, PushNoticeKind.SLA_AT_RISK,
					PushNoticeKind.SLA_BREACHED, PushNoticeKind.ANSWER_RETURNED);
		assertThat(PushNoticeKind.forCaller(new Caller("h", "h", java.util.Set.of(Role.HEAD), "TENKA", "pwa")))
			.containsExactly(PushNoticeKind.SLA_BREACHED);
		assertThat(PushNoticeKind.forCaller(new Caller("i", "i", java.util.Set.of(Role.INTEGRATOR), null, "i"))).isEmpty();
	}

	@Test
	void endpointsMustBeHttpsExceptLocalhostWhenAllowed() {
		assertThat(PushService.endpointProblem("https://fcm.googleapis.com/fcm/send/abc", false)).isNull();
		assertThat(PushService.endpointProblem("http://fcm.googleapis.com/fcm/send/abc", true)).isNotNull();
		assertThat(PushService.endpointProblem("http://127.0.0.1:8080/push/x", false)).isNotNull();
		assertThat(PushService.endpointProblem("http://127.0.0.1:8080/push/x", true)).isNull();
		assertThat(PushService.endpointProblem("https://user:pw@push.example/x", false)).isNotNull();
	}

}
