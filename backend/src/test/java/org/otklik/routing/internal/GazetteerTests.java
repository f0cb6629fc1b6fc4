package org.otklik.routing.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.otklik.region.Municipality;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerTests {

	static final Gazetteer GAZETTEER = Gazetteer.load();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "Третий день без света в Ягодном;YAGODNINSKY;Ягодное",
			"Пишу из Синегорья, автобуса нет;YAGODNINSKY;Синегорье",
			"На Талой закрыли единственный магазин;KHASYNSKY;Талая",
			"В Оле не убирают снег;OLSKY;Ола",
			"В Усть-Омчуге сломалась котельная;TENKINSKY;Усть-Омчуг",
			"Живём в пос. Сокол, автобус не ходит;MAGADAN;Сокол",
			"г. Магадан, ул. Портовая, яма у дома;MAGADAN;Магадан",
			"В мкр Солнечный не горят фонари;MAGADAN;Магадан",
			"В Снежной Долине нет остановки;MAGADAN;Магадан",
			"Школа в с. Гадля без учителя;OLSKY;Гадля",
			"Из Армани не вывозят мусор;OLSKY;Армань",
			"В Палатке нет воды;KHASYNSKY;Палатка",
			"В Дукате поликлиника закрыта;OMSUKCHANSKY;Дукат",
			"Сусуманский округ, п. Холодный, нет отопления;SUSUMANSKY;Холодный",
			"Эвенск. Выплаты ждём из Магадана полгода;SEVERO_EVENSKY;Эвенск",
			"У нас в Тенькинском районе дороги не чистят;TENKINSKY;",
			"В Сеймчане аптека закрыта;SREDNEKANSKY;Сеймчан",
			"Оротукан: мост разбит;YAGODNINSKY;Оротукан" })
	void findsTheMunicipalityFromCaseFormsAndAbbreviations(String text, Municipality expected, String settlement) {
		Gazetteer.Result result = GAZETTEER.find(text);
		assertThat(result.municipality()).isEqualTo(expected);
		if (settlement != null) {
			assertThat(result.settlement()).isEqualTo(settlement);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "Когда починят дорогу? Сил уже нет", "В холодном подъезде выбиты окна",
			"Талая вода заливает подвал", "Солнечный день, а во дворе грязь", "Магаданская область, помогите с пенсией" })
	void namesNoPlaceWhenNoneIsNamed(String text) {
		assertThat(GAZETTEER.find(text).municipality()).isNull();
	}

	@Test
	void generatesCaseFormsByTheEnding() {
		assertThat(Gazetteer.forms("Ягодное")).contains("ягодном", "ягодного");
		assertThat(Gazetteer.forms("Синегорье")).contains("синегорья", "синегорье");
		assertThat(Gazetteer.forms("Талая")).contains("талой", "талую");
		assertThat(Gazetteer.forms("Палатка")).contains("палатки", "палатке");
		assertThat(Gazetteer.forms("Усть-Омчуг")).contains("усть-омчуге", "усть-омчуга");
		assertThat(Gazetteer.forms("Стекольный")).contains("стекольном", "стекольного");
		assertThat(Gazetteer.forms("Гадля")).contains("гадле", "гадли");
	}

}
