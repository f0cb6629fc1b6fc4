package org.otklik.appeal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.region.Category;

import static org.assertj.core.api.Assertions.assertThat;

/** The appeal record as a map and DataLoader key: a cheap hash that still agrees with equals. */
class AppealTests {

	private static Appeal appeal(String id, long version, String text, List<String> terms) {
		return new Appeal(id, version, AppealStatus.NEW, Channel.EMAIL, "mail-" + id, null, null, text, null, null,
				Category.HOUSING_UTILITIES, false, Reach.NONE, null, null, List.of(), List.of(), 0, 0, null, null, null,
				null, null, terms, "test", null, null);
	}

	@Test
	void equalAppealsHashAlikeAndFindEachOtherInMaps() {
		Appeal one = appeal("a1", 3, "Прошу отремонтировать крышу", List.of("крыш", "ремонт"));
		Appeal same = appeal("a1", 3, "Прошу отремонтировать крышу", List.of("крыш", "ремонт"));

		assertThat(same).isEqualTo(one);
		assertThat(same.hashCode()).isEqualTo(one.hashCode());
		assertThat(Map.of(one, "found").get(same)).isEqualTo("found");
	}

	@Test
	void appealsThatDifferStayDistinctKeys() {
		Appeal one = appeal("a1", 3, "Прошу отремонтировать крышу", List.of());
		Appeal edited = appeal("a1", 3, "Другой текст", List.of());
		Appeal next = appeal("a1", 4, "Прошу отремонтировать крышу", List.of());
		Appeal other = appeal("a2", 3, "Прошу отремонтировать крышу", List.of());

		// Same id and version, other content: the hash may collide, equals still tells them apart.
		assertThat(edited).isNotEqualTo(one);
		assertThat(Map.of(one, "one").get(edited)).isNull();
		assertThat(next.hashCode()).isNotEqualTo(one.hashCode());
		assertThat(other.hashCode()).isNotEqualTo(one.hashCode());
	}

}
