package org.otklik.appeal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which selections may be answered from appeals without their answers, history and messages. */
class AppealSearchSummaryTests {

	@Test
	void theQueueSelectionIsASummary() {
		assertThat(AppealSearch.isSummary(List.of("id", "number", "version", "status", "channel", "text", "municipality",
				"category", "urgent", "receivedAt", "firstRespondedAt", "answeredAt", "redirectCount", "agency",
				"executor", "sla", "__typename"))).isTrue();
		assertThat(AppealSearch.isSummary(List.of())).isTrue();
	}

	@Test
	void fieldsThatReadTheOmittedListsOrAreUnknownNeedFullAppeals() {
		for (String field : List.of("answers", "history", "messages", "viewerCan", "routing", "someFutureField")) {
			assertThat(AppealSearch.isSummary(List.of("id", "agency", field))).as(field).isFalse();
		}
	}

}
