package org.otklik.channel.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text a citizen receives: the answer, the appeal's number and, when configured, the page's link. */
class AnswerTextTests {

	@Test
	void numberAndLinkEachOnTheirOwnLine() {
		assertThat(Deliveries.withNumber("Ответ.", "МАГ-2026-000123", "https://otklik.example.ru/c/abc"))
			.isEqualTo("Ответ.\n\nНомер обращения: МАГ-2026-000123\nХод обращения и оценка ответа: https://otklik.example.ru/c/abc");
	}

	@Test
	void withoutAPublicAddressOnlyTheNumber() {
		assertThat(Deliveries.withNumber("Ответ.", "МАГ-2026-000123", null)).isEqualTo("Ответ.\n\nНомер обращения: МАГ-2026-000123");
		assertThat(Deliveries.withNumber("Ответ.", null, "https://x.ru/c/abc"))
			.isEqualTo("Ответ.\n\nХод обращения и оценка ответа: https://x.ru/c/abc");
	}

}
