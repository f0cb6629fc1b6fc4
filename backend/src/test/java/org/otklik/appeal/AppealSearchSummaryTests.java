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

	@Test
	void aQueuePageFetchesOnlyWhatItsFieldsRead() {
		List<String> queue = List.of("id", "number", "version", "status", "channel", "text", "municipality", "category",
				"urgent", "receivedAt", "firstRespondedAt", "answeredAt", "redirectCount", "agency", "executor", "sla");

		assertThat(AppealSearch.storedFieldsRead(queue, AppealInputs.AppealOrder.RECEIVED_DESC)).containsExactlyInAnyOrder(
				"_id", "number", "version", "status", "channel", "text", "municipality", "category", "urgent", "receivedAt",
				"firstRespondedAt", "answeredAt", "redirectCount", "agencyId", "executor", "sla", "reopenedAt");
		// Cursors are made of the id and the sort key, selected or not.
		assertThat(AppealSearch.storedFieldsRead(List.of("text"), AppealInputs.AppealOrder.DUE_ASC))
			.containsExactlyInAnyOrder("_id", "sla", "text");
		assertThat(AppealSearch.storedFieldsRead(List.of(), AppealInputs.AppealOrder.RECEIVED_DESC))
			.containsExactlyInAnyOrder("_id", "receivedAt");
	}

	@Test
	void theAuthorOrAFieldNotMappedGetsTheWholeSummary() {
		for (String field : List.of("author", "history", "someFutureField")) {
			assertThat(AppealSearch.storedFieldsRead(List.of("id", field), AppealInputs.AppealOrder.RECEIVED_DESC)).as(field)
				.isNull();
		}
	}

	@Test
	void eachMappedFieldIsASummaryFieldAndReadsStoredFields() {
		assertThat(AppealSearch.SUMMARY_FIELDS).containsAll(AppealSearch.SUMMARY_READS.keySet());
		AppealSearch.SUMMARY_READS.values()
			.forEach(stored -> assertThat(AppealSummaryReader.READ_FIELDS).as(stored.toString()).containsAll(stored));
	}

}
