package org.otklik.push;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.otklik.push.internal.PushSender;
import org.otklik.support.FakeHttpServer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web push against a local push service: an encrypted notice the test decrypts as a browser would, with a
 * VAPID header that verifies; a gone subscription removes the device; quiet hours hold back what is not
 * urgent; notices held together go out as one summary.
 */
class PushIntegrationTests extends PushTestSupport {

	@Autowired
	PushSender sender;

	@Test
	void anExecutorsDeviceReceivesAnEncryptedNoticeOfAnAppealAssignedToItsAgencyWithoutPersonalData() throws Exception {
		HttpGraphQlTester executor = executorOf(TENKA, uniqueId());
		BrowserSubscription browser = browser();
		register(executor, browser);
		String publicKey = executor.document("{ pushPublicKey }").execute().path("pushPublicKey").entity(String.class).get();

		String appealId = ingest("Анна Петрова: во дворе на Ленина 5 не вывозят мусор " + uniqueId(),
				Map.of("authorName", "Анна Петрова", "authorProfileUrl", "https://vk.com/id1", "category", "HOUSING_UTILITIES"));
		assign(appealId, TENKA);

		await(() -> PUSH.calls(path(browser)).size() == 1, "the notice reached the push service");
		FakeHttpServer.Call call = PUSH.calls(path(browser)).get(0);
		assertThat(call.header("Content-Encoding")).isEqualTo("aes128gcm");
		assertThat(call.header("TTL")).isEqualTo(String.valueOf(Duration.ofHours(24).toSeconds()));
		assertThat(call.header("Urgency")).isEqualTo("normal");

		String plaintext = browser.decrypt(call.bytes());
		JsonNode payload = json(plaintext);
		assertThat(payload.get("kind").asString()).isEqualTo("APPEAL_ASSIGNED");
		assertThat(payload.get("appealId").asString()).isEqualTo(appealId);
		assertThat(payload.get("url").asString()).isEqualTo("/appeals/" + appealId);
		assertThat(payload.get("title").asString()).isEqualTo("Новое обращение");
		assertThat(payload.get("body").asString()).contains("ЖКХ");
		assertThat(payload.get("count").asInt()).isEqualTo(1);
		// No personal data and nothing of the citizen's text.
		assertThat(plaintext).doesNotContain("Петрова").doesNotContain("Ленина").doesNotContain("мусор").doesNotContain("vk.com");

		Map<String, String> vapid = BrowserSubscription.verifyVapid(call.header("Authorization"));
		assertThat(vapid.get("k")).isEqualTo(publicKey);
		JsonNode claims = json(vapid.get("claims"));
		assertThat(claims.get("aud").asString()).isEqualTo(PUSH.url());
		assertThat(claims.get("sub").asString()).startsWith("mailto:");
		assertThat(claims.get("exp").asLong()).isPositive();
		assertThat(json(vapid.get("header")).get("alg").asString()).isEqualTo("ES256");
		// Decryption is bound to this browser's keys: another subscription cannot read it.
		BrowserSubscription stranger = browser();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> stranger.decrypt(call.bytes())).isInstanceOf(Exception.class);
	}

	@Test
	void aPushServiceThatAnswers410RemovesTheDevice() throws Exception {
		HttpGraphQlTester executor = executorOf(TENKA, uniqueId());
		BrowserSubscription browser = browser();
		String deviceId = register(executor, browser);
		PUSH.always(path(browser), 410);
		assertThat(devices(executor)).extracting(d -> d.get("id")).containsExactly(deviceId);

		assign(ingest("Не убран снег " + uniqueId()), TENKA);

		await(() -> devices(executor).isEmpty(), "the device was removed");
		assertThat(PUSH.calls(path(browser))).hasSize(1);
		assertThat(notices(deviceId)).extracting(n -> n.getString("state")).containsOnly("FAILED");
	}

	@Test
	void otherFailuresAreRetriedWithBackoffAndThenGivenUp() throws Exception {
		HttpGraphQlTester executor = executorOf(TENKA, uniqueId());
		BrowserSubscription retried = browser();
		String retriedId = register(executor, retried);
		PUSH.next(path(retried), 500, 429);
		HttpGraphQlTester other = executorOf(MAGADAN, uniqueId());
		BrowserSubscription broken = browser();
		String brokenId = register(other, broken);
		PUSH.always(path(broken), 503);

		assign(ingest("Яма на дороге " + uniqueId(), Map.of("urgent", true)), TENKA);
		assign(ingest("Нет воды " + uniqueId(), Map.of("urgent", true)), MAGADAN);

		await(() -> notices(retriedId).stream().allMatch(n -> "SENT".equals(n.getString("state")))
				&& !notices(retriedId).isEmpty(), "sent after two failures");
		assertThat(PUSH.calls(path(retried))).hasSize(3);
		await(() -> notices(brokenId).stream().allMatch(n -> "FAILED".equals(n.getString("state")))
				&& !notices(brokenId).isEmpty(), "given up");
		// max-attempts=4 in these tests; a device that fails temporarily is kept.
		assertThat(PUSH.calls(path(broken))).hasSize(4);
		assertThat(devices(other)).hasSize(1);
	}

	@Test
	void quietHoursHoldBackANonUrgentNoticeButNotAnUrgentOne() throws Exception {
		HttpGraphQlTester executor = executorOf(TENKA, uniqueId());
		BrowserSubscription browser = browser();
		String deviceId = register(executor, browser);
		// Quiet hours around the present moment, whatever it is, in the user's zone.
		LocalTime now = ZonedDateTime.now(ZoneId.of("Asia/Vladivostok")).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
		executor.document("""
				mutation($in: UpdatePushSettingsInput!) { updatePushSettings(input: $in) {
				  errors { code } settings { quietHoursEnabled quietFrom quietTo timeZone } } }""")
			.variable("in", Map.of("quietHoursEnabled", true, "quietFrom", hhmm(now.minusHours(1)), "quietTo",
					hhmm(now.plusHours(1)), "timeZone", "Asia/Vladivostok"))
			.execute()
			.path("updatePushSettings.errors").entityList(Object.class).hasSize(0)
			.path("updatePushSettings.settings.timeZone").entity(String.class).isEqualTo("Asia/Vladivostok");

		String quiet = ingest("Не горят фонари " + uniqueId());
		assign(quiet, TENKA);
		await(() -> notices(deviceId).size() == 1, "the non-urgent notice was queued");
		String urgent = ingest("Нет отопления, в доме дети " + uniqueId(), Map.of("urgent", true));
		assign(urgent, TENKA);

		await(() -> PUSH.calls(path(browser)).size() == 1, "the urgent notice came at once");
		FakeHttpServer.Call call = PUSH.calls(path(browser)).get(0);
		JsonNode payload = json(browser.decrypt(call.bytes()));
		assertThat(payload.get("appealId").asString()).isEqualTo(urgent);
		assertThat(payload.get("urgent").asBoolean()).isTrue();
		assertThat(payload.get("title").asString()).startsWith("Срочно");
		assertThat(call.header("Urgency")).isEqualTo("high");

		// The other one waits for the end of quiet hours, also through a sweep.
		this.sender.sweep().block(Duration.ofSeconds(30));
		Document held = notices(deviceId).stream().filter(n -> quiet.equals(n.getString("appealId"))).findFirst().orElseThrow();
		assertThat(held.getString("state")).isEqualTo("PENDING");
		assertThat(held.getDate("nextAttemptAt")).isAfter(Date.from(held.getDate("createdAt").toInstant().plus(Duration.ofMinutes(30))));
		assertThat(PUSH.calls(path(browser))).hasSize(1);
	}

	@Test
	void noticesHeldTogetherGoOutAsOneSummary() throws Exception {
		HttpGraphQlTester executor = executorOf(MAGADAN, uniqueId());
		BrowserSubscription browser = browser();
		String deviceId = register(executor, browser);
		executor.document("mutation { updatePushSettings(input: {quietHoursEnabled: true, quietFrom: \"00:00\", quietTo: \"23:59\"}) { errors { code } } }")
			.execute().path("updatePushSettings.errors").entityList(Object.class).hasSize(0);
		for (int i = 0; i < 3; i++) {
			assign(ingest("Обращение " + i + " " + uniqueId()), MAGADAN);
		}
		await(() -> notices(deviceId).size() == 3, "three notices held");
		// Quiet hours end: the held notices fall due together.
		this.mongo.updateMulti(Query.query(Criteria.where("deviceId").is(deviceId)),
				new Update().set("nextAttemptAt", new Date(0)), "push_notices").block(Duration.ofSeconds(10));
		this.sender.sweep().block(Duration.ofSeconds(30));

		await(() -> !PUSH.calls(path(browser)).isEmpty(), "the summary was sent");
		assertThat(PUSH.calls(path(browser))).hasSize(1);
		JsonNode payload = json(browser.decrypt(PUSH.calls(path(browser)).get(0).bytes()));
		assertThat(payload.get("count").asInt()).isEqualTo(3);
		assertThat(payload.get("title").asString()).isEqualTo("3 новых обращения");
		assertThat(payload.get("url").asString()).isEqualTo("/queue");
		assertThat(payload.has("appealId")).isFalse();
		assertThat(PUSH.calls(path(browser)).get(0).header("Topic")).isEqualTo("otklik-appeal-assigned");
		assertThat(notices(deviceId)).extracting(n -> n.getString("state")).containsOnly("SENT");
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachUserManagesOnlyTheirOwnDevicesAndIntegratorsNone() throws Exception {
		HttpGraphQlTester owner = executorOf(TENKA, uniqueId());
		HttpGraphQlTester colleague = executorOf(TENKA, uniqueId());
		BrowserSubscription browser = browser();
		String deviceId = register(owner, browser);
		assertThat(devices(colleague)).isEmpty();
		assertThat(devices(owner)).singleElement().satisfies(d -> {
			assertThat(d.get("pushService")).isEqualTo(PUSH.url());
			assertThat((List<Object>) d.get("notices")).containsExactlyInAnyOrder((Object) "APPEAL_ASSIGNED", "SLA_AT_RISK",
					"SLA_BREACHED", "ANSWER_RETURNED");
		});

		colleague.document("mutation($id: ID!) { deletePushDevice(input: {deviceId: $id}) { deletedDeviceId errors { code } } }")
			.variable("id", deviceId).execute()
			.path("deletePushDevice.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		colleague.document("mutation($id: ID!) { updatePushDevice(input: {deviceId: $id, notices: []}) { errors { code } } }")
			.variable("id", deviceId).execute()
			.path("updatePushDevice.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		// A curator's kind is not an executor's to switch on.
		owner.document("mutation($id: ID!) { updatePushDevice(input: {deviceId: $id, notices: [CHANNEL_BROKEN]}) { errors { code field } } }")
			.variable("id", deviceId).execute()
			.path("updatePushDevice.errors[0].code").entity(String.class).isEqualTo("INVALID");
		owner.document("mutation($id: ID!) { updatePushDevice(input: {deviceId: $id, notices: [SLA_BREACHED], label: \"Рабочий\"}) { errors { code } device { notices label } } }")
			.variable("id", deviceId).execute()
			.path("updatePushDevice.device.notices").entityList(String.class).containsExactly("SLA_BREACHED")
			.path("updatePushDevice.device.label").entity(String.class).isEqualTo("Рабочий");

		integrator().document("{ pushPublicKey }").execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString()).containsExactly("FORBIDDEN"));
		integrator().document(REGISTER).variable("in", browser().input("x")).execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString()).containsExactly("FORBIDDEN"));

		owner.document("mutation($id: ID!) { deletePushDevice(input: {deviceId: $id}) { deletedDeviceId errors { code } } }")
			.variable("id", deviceId).execute()
			.path("deletePushDevice.deletedDeviceId").entity(String.class).isEqualTo(deviceId);
		assertThat(devices(owner)).isEmpty();
	}

	@Test
	void badSubscriptionsAndSettingsComeBackAsUserErrors() throws Exception {
		HttpGraphQlTester executor = executorOf(TENKA, uniqueId());
		BrowserSubscription browser = browser();
		assertRegisterError(executor, Map.of("endpoint", "http://push.example.com/x", "p256dh", browser.p256dh(), "auth",
				browser.auth()), "INVALID", "endpoint");
		assertRegisterError(executor, Map.of("endpoint", "ftp://127.0.0.1/x", "p256dh", browser.p256dh(), "auth",
				browser.auth()), "INVALID", "endpoint");
		assertRegisterError(executor, Map.of("endpoint", browser.endpoint, "p256dh", "not-a-key", "auth", browser.auth()),
				"INVALID", "p256dh");
		assertRegisterError(executor, Map.of("endpoint", browser.endpoint, "p256dh", browser.p256dh(), "auth", "AAAA"),
				"INVALID", "auth");
		assertRegisterError(executor, Map.of("endpoint", "", "p256dh", browser.p256dh(), "auth", browser.auth()),
				"REQUIRED", "endpoint");
		executor.document("mutation { updatePushSettings(input: {quietFrom: \"25:00\", timeZone: \"Mars/Olympus\"}) { errors { code field } } }")
			.execute()
			.path("updatePushSettings.errors[*].field[1]").entityList(String.class).containsExactly("quietFrom", "timeZone");
		executor.document("{ pushSettings { quietHoursEnabled quietFrom quietTo timeZone } }").execute()
			.path("pushSettings.timeZone").entity(String.class).isEqualTo("Asia/Magadan")
			.path("pushSettings.quietHoursEnabled").entity(Boolean.class).isEqualTo(false);
		assertThat(devices(executor)).isEmpty();
		// The same subscription twice is one device.
		register(executor, browser);
		register(executor, browser);
		assertThat(devices(executor)).hasSize(1);
	}

	private static void assertRegisterError(HttpGraphQlTester who, Map<String, Object> input, String code, String field) {
		who.document(REGISTER).variable("in", input).execute()
			.path("registerPushDevice.device").valueIsNull()
			.path("registerPushDevice.errors[0].code").entity(String.class).isEqualTo(code)
			.path("registerPushDevice.errors[0].field").entityList(String.class).containsExactly("input", field);
	}

	private static String hhmm(LocalTime time) {
		return String.format("%02d:%02d", time.getHour(), time.getMinute());
	}

}
