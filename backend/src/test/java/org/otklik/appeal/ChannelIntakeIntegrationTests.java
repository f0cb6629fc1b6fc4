package org.otklik.appeal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.appeal.AppealService.ChannelIntake;
import org.otklik.appeal.ChannelSource.ReplyKind;
import org.otklik.appeal.ChannelSource.ReplyTarget;
import org.otklik.security.Caller;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel intake: a message becomes an appeal once; a further one in its thread joins it. */
class ChannelIntakeIntegrationTests extends IntegrationTestSupport {

	@Autowired
	AppealService appeals;

	@Test
	void aThreadIsOneAppealAndTheCitizensReplyEndsThePause() {
		String thread = "vk:-100:5:" + uniqueId();
		ChannelSource source = new ChannelSource("account-1", new ReplyTarget(ReplyKind.COMMENT, "-100", "5", "77"), thread);
		ChannelMessage first = new ChannelMessage(Channel.VK, "wall-100_5_77-" + uniqueId(), "https://vk.com/wall-100_5?reply=77",
				"Во дворе третий день нет света", "Ирина П.", "https://vk.com/id7", null, source);
		ChannelIntake created = intake(first);
		assertThat(created.created()).isTrue();
		assertThat(created.appeal().source()).isEqualTo(source);
		assertThat(intake(first).duplicate()).as("the same comment delivered again").isTrue();

		String id = created.appeal().id();
		curator().document("mutation($in: AssignAppealInput!) { assignAppeal(input: $in) { errors { code } } }")
			.variable("in", Map.of("appealId", id, "agencyId", agency(MAGADAN).id())).execute();
		executor(MAGADAN).document("mutation($in: PauseAppealInput!) { pauseAppeal(input: $in) { errors { code } } }")
			.variable("in", Map.of("appealId", id, "reason", "Уточните адрес")).execute()
			.path("pauseAppeal.errors").entityList(Object.class).hasSize(0);

		ChannelMessage reply = new ChannelMessage(Channel.VK, "wall-100_5_78-" + uniqueId(), null, "Пролетарская, 12", null,
				null, null, source);
		ChannelIntake joined = intake(reply);
		assertThat(joined.created()).isFalse();
		assertThat(joined.appeal().id()).isEqualTo(id);
		assertThat(joined.appeal().messages()).extracting(CitizenMessage::text).containsExactly("Пролетарская, 12");
		assertThat(joined.appeal().openPause()).as("the clocks run again").isEmpty();
		assertThat(intake(reply).duplicate()).isTrue();

		Map<String, Object> shown = curator().document("query($id: ID!) { appeal(id: $id) { source { accountId replyTarget "
				+ "{ kind chatId postId messageId } } messages { text } history { type reason } } }")
			.variable("id", id).execute().path("appeal").entity(AppealLifecycleIntegrationTests.MAP).get();
		assertThat(shown.get("source")).isEqualTo(Map.of("accountId", "account-1", "replyTarget",
				Map.of("kind", "COMMENT", "chatId", "-100", "postId", "5", "messageId", "77")));
		assertThat(String.valueOf(shown.get("history"))).contains("CITIZEN_REPLIED", "сроки возобновлены");
	}

	ChannelIntake intake(ChannelMessage message) {
		return this.appeals.receiveFromChannel(Caller.SYSTEM, message).block(Duration.ofSeconds(20));
	}

}
