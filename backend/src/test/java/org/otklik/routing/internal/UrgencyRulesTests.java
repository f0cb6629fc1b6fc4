package org.otklik.routing.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrgencyRulesTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Вторые сутки нет отопления, в квартире +13, ребёнок заболел",
			"С утра отключили свет во всём посёлке, мороз минус сорок", "Третий день нет воды, трубы замёрзли",
			"Батареи ледяные, дети мёрзнут", "В квартире +14, сидим в куртках", "Дома холодина, ребёнок заболел",
			"Вода из крана не идёт со вчерашнего вечера", "Сутки без электричества, морозы за тридцать" })
	void currentOutagesInTheColdSeasonAreUrgent(String text) {
		assertThat(UrgencyRules.reasons(text, true)).isNotEmpty();
	}

	@Test
	void outagesOutsideTheColdSeasonAreNot() {
		assertThat(UrgencyRules.reasons("Вторые сутки нет горячей воды в доме", false)).isEmpty();
	}

	@Test
	void aChronicComplaintAboutOutagesIsNotUrgent() {
		assertThat(UrgencyRules.reasons("Котельная каждую зиму аварийная, обещали модернизацию, где она?", true)).isEmpty();
	}

	@Test
	void aResolvedOutageIsNotUrgent() {
		assertThat(UrgencyRules.reasons("На прошлой неделе было отключение света на сутки, кто возместит испорченные продукты?", true))
			.isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Медведь ходит возле школы, дети боятся", "Скорая не приехала к бабушке за два часа",
			"У дома оборван провод и лежит на тротуаре", "Над входом в поликлинику висят огромные сосульки",
			"Горит сопка за посёлком, дым идёт к домам", "Маме не выдают инсулин, осталось на два дня",
			"На лестнице открытый люк, ребёнок чуть не упал", "Бригада неотложки так и не появилась, бабушке всё хуже",
			"По окраине бродит косолапый, собаки воют", "Собаки напали на ребёнка у остановки",
			"Дорогу к посёлку размыло, проехать невозможно", "У крыльца поликлиники сплошной гололёд, старики падают",
			"В аптеке закончились противосудорожные, сыну нечем лечиться" })
	void threatsToLifeOrHealthAreUrgentWithTheirReason(String text) {
		assertThat(UrgencyRules.reasons(text, false)).isNotEmpty().allSatisfy(r -> assertThat(r).isNotBlank());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Просим построить в посёлке новый спортзал", "Когда отремонтируют дорогу к кладбищу?",
			"Почему выросла плата за вывоз мусора?" })
	void wishesAndChronicComplaintsAreNotUrgent(String text) {
		assertThat(UrgencyRules.reasons(text, true)).isEmpty();
	}

}
