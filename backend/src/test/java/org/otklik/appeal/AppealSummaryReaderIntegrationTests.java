package org.otklik.appeal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.security.Role;
import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaState;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.data.mongodb.core.convert.MongoConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written summary mapping reads what the application's own Spring Data mapping reads, for every
 * stored field, with each optional part present and absent.
 */
class AppealSummaryReaderIntegrationTests extends IntegrationTestSupport {

	private static final Instant T = Instant.parse("2026-03-01T10:15:30.123Z");

	@Test
	void readsEveryStoredFieldOfTheMapping() {
		Set<String> mapped = new HashSet<>();
		this.mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Appeal.class)
			.forEach(property -> mapped.add(property.getFieldName()));

		// A component added to Appeal later fails here until the reader reads it.
		assertThat(AppealSummaryReader.READ_FIELDS).isEqualTo(mapped);
	}

	@Test
	void aFullyPopulatedSummaryReadsAsTheConverterReadsIt() {
		Appeal appeal = new Appeal(new ObjectId().toHexString(), 7, AppealStatus.IN_PROGRESS, Channel.TELEGRAM, "ext-1",
				"https://t.me/c/1", T.minusSeconds(60), "Текст обращения", new Author("Анна", "https://vk.com/id1"),
				Municipality.OLSKY, Category.ROADS_TRANSPORT, true, new Reach(10, 2, 3), new ObjectId().toHexString(),
				new Person(new ObjectId().toHexString(), "Исполнитель"), List.of(), List.of(), 2, 1, T,
				T.plusSeconds(3600), T.plusSeconds(7200), T.plusSeconds(9000), T.plusSeconds(9500), List.of(), "integrator-1",
				new LastEvent("a", AppealEventType.SLA_AT_RISK, T, "ag", "from", 7, "FIRST_RESPONSE:AT_RISK",
						new LastEvent.Actor("u1", "Кто-то", Set.of(Role.EXECUTOR), "client"), "why", "answer-1",
						SlaClockKind.FIRST_RESPONSE, SlaState.AT_RISK, "m1"),
				new SlaSnapshot("POLICY", "Asia/Magadan", T.plusSeconds(100), T.plusSeconds(200), true, false, 11L, 12L, 13L,
						14L, List.of(new SlaSnapshot.Pause(T, T.plusSeconds(5), "ждём", new Person("executor-1", "Пётр")),
								new SlaSnapshot.Pause(T.plusSeconds(10), null, null, null)),
						T.plusSeconds(300), List.of("FIRST_RESPONSE:AT_RISK"), "продлено", T.plusSeconds(400),
						T.plusSeconds(500)),
				new ChannelSource("account", new ChannelSource.ReplyTarget(ChannelSource.ReplyKind.COMMENT, "chat", "post",
						"message"), "thread"),
				List.of(), "MAG-2026-000001", "Ола");

		Appeal read = reader().read(stored(appeal));

		assertThat(read).isEqualTo(this.mongo.getConverter().read(Appeal.class, stored(appeal))).isEqualTo(appeal);
	}

	@Test
	void aSparseSummaryReadsAsTheConverterReadsIt() {
		Appeal appeal = new Appeal("not-an-object-id", 0, AppealStatus.NEW, Channel.VK, "ext-2", null, null, "Текст", null,
				null, Category.OTHER, false, Reach.NONE, null, null, List.of(), List.of(), 0, 0, T, null, null, null, null,
				List.of(), null, null, null);
		Document stored = stored(appeal);
		stored.remove("reach");
		stored.remove("urgent");

		Appeal read = reader().read(stored);

		assertThat(read).isEqualTo(this.mongo.getConverter().read(Appeal.class, stored(appeal)));
		assertThat(read.reach()).isEqualTo(Reach.NONE);
		assertThat(read.sla()).isNull();
		assertThat(read.number()).isNull();
	}

	@Test
	void aDocumentWithItsListsIsReadWhole() {
		Appeal appeal = new Appeal(new ObjectId().toHexString(), 1, AppealStatus.NEW, Channel.VK, "ext-3", null, null,
				"Текст", null, null, Category.OTHER, false, Reach.NONE, null, null, List.of(), List.of(), 0, 0, T, null,
				null, null, null, List.of("текст"), null, null, null);

		Appeal read = reader().read(stored(appeal));

		assertThat(read.searchTerms()).containsExactly("текст");
		assertThat(read).isEqualTo(appeal);
	}

	private AppealSummaryReader reader() {
		return new AppealSummaryReader(this.mongo);
	}

	private Document stored(Appeal appeal) {
		MongoConverter converter = this.mongo.getConverter();
		Document document = new Document();
		converter.write(appeal, document);
		return document;
	}

}
