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

	// New wordings of the same classes, written for these tests (not taken from any data set).

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Отопление так и не дали, в комнате 12 градусов", "Еле тёплые батареи, спим в куртках",
			"Свет до сих пор не включили, а на улице минус 35", "С 3 декабря нет холодной воды во всём доме",
			"Котельная встала, угля нет, дом остывает", "Порыв на теплотрассе, весь квартал без тепла",
			"Обещали дать свет к обеду, но его нет до сих пор", "Дети ходят дома в валенках, обогреватель не спасает",
			"Электричество вырубило ночью после аварии на подстанции, сидим без света",
			"Температура в квартирах не поднимается выше 14 градусов" })
	void currentOutagesInNewWordingsAreUrgent(String text) {
		assertThat(UrgencyRules.reasons(text, true)).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Вызвали скорую к отцу час назад, до сих пор никого", "С крыши школы падает лёд прямо на крыльцо",
			"В подъезде обвалился потолок, дом может рухнуть", "Мост через ручей треснул, а по нему возят детей",
			"Трассу замело, люди застряли в машинах", "Рыбаков унесло на льдине",
			"Ушёл в тайгу охотник и пропал, вторые сутки не можем найти", "Сгорел дом, семья с детьми осталась на улице в мороз",
			"В посёлке вспышка кишечной инфекции, дети в больнице", "Стая бродячих собак кидается на школьников",
			"Прорвало трубу, кипяток хлещет в подвал", "На трассу сошла лавина" })
	void threatsInNewWordingsAreUrgent(String text) {
		assertThat(UrgencyRules.reasons(text, false)).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "В прошлую пятницу отключали свет на пять часов, прошу компенсировать продукты",
			"Вчера не было воды весь день, теперь всё в порядке, но почему не предупредили?",
			"Свет постоянно отключают, просим заменить старую линию",
			"Просим провести в посёлок центральный водопровод, воду возим сами",
			"Отопление не отключали, просто хочу узнать тариф на тепло", "Угрозы жизни нет, но просим убрать старое дерево",
			"Когда заменят батареи в подъезде? Жильцы давно просят" })
	void pastRecurringNegatedAndWishfulOutagesAreNotUrgent(String text) {
		assertThat(UrgencyRules.reasons(text, true)).isEmpty();
	}

	// A second round of new wordings (2026-12-06, afternoon), written for these tests by class; of the
	// first eighteen written after the rules above, six failed (a cable for a wire, a bear cub, a snow slab
	// hanging over an entrance, a bridge «размыло», a cracked balcony, «воду») and the classes were widened.

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Батареи холодные с позавчерашнего дня, дома ходим в пуховиках",
			"В квартире плюс десять, ребёнок температурит", "Обесточен весь микрорайон, лифты стоят",
			"У нас в садике в группах +15, дети сидят в кофтах", "Сегодня с шести утра весь посёлок без света, мороз под сорок",
			"Радиаторы чуть тёплые, термометр в детской показывает +13", "В школе в кабинетах плюс двенадцать, дети пишут в перчатках",
			"Воду отключили без предупреждения вчера вечером и не дают до сих пор",
			"Котельная встала из-за нехватки мазута, дома быстро остывают" })
	void outagesInASecondRoundOfWordingsAreUrgent(String text) {
		assertThat(UrgencyRules.reasons(text, true)).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Вызвали скорую к ребёнку с температурой сорок, третий час ждём",
			"Диспетчер скорой сказал что машин нет, а у мамы давление двести",
			"Ребёнку срочно нужна операция, а санавиацию не присылают",
			"В посёлке уже неделю нет хлеба и продуктов, трассу закрыли",
			"Омчак: столб после ветра наклонился над дорогой, провод висит на уровне головы",
			"На детской площадке лежит оборванный кабель под напряжением", "Медвежонок бродит между домами на Пролетарской",
			"С козырька магазина нависла снежная глыба над входом", "Мост на въезде в посёлок размыло, машины объезжают по льду",
			"Над подъездом трещина в плите балкона, кусок уже отвалился" })
	void threatsInASecondRoundOfWordingsAreUrgent(String text) {
		assertThat(UrgencyRules.reasons(text, false)).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Прошу сделать перерасчёт за отопление за октябрь, батареи были чуть тёплые",
			"Скорая приехала быстро, врачи молодцы", "Провода на столбах висят некрасиво, просим убрать лишние кабели связи",
			"Отключение электроэнергии планируется на 15 декабря, предупредите жителей заранее",
			"Как получить компенсацию за газовое оборудование?" })
	void pastPlannedAndHarmlessMentionsAreNotUrgent(String text) {
		assertThat(UrgencyRules.reasons(text, true)).isEmpty();
	}

	@Test
	void aDangerToldAsRemovedOrPastIsNotUrgentUnlessItIsBack() {
		assertThat(UrgencyRules.reasons("Сосульки над входом уже сбили, спасибо", true)).isEmpty();
		assertThat(UrgencyRules.reasons("Сосульки над входом уже сбили, но снова висят новые", true))
			.containsExactly("Сосульки, наледь или снег над проходом");
		assertThat(UrgencyRules.reasons("В прошлом месяце отравился в столовой, верните деньги", true)).isEmpty();
		assertThat(UrgencyRules.reasons("Вся семья отравилась грибами, тошнит", true))
			.containsExactly("Вспышка инфекции или отравление");
	}

	@Test
	void theThirdRoundsClassesGiveTheirReasons() {
		assertThat(UrgencyRules.reasons("Третий час ждём скорую к деду", true))
			.containsExactly("Скорая помощь не приезжает или не может доехать");
		assertThat(UrgencyRules.reasons("На трассе перевернулся автобус, людей не могут достать", true))
			.containsExactly("Люди уже пострадали или едва не пострадали");
		assertThat(UrgencyRules.reasons("В подъезде лопнула труба, кипяток льётся по ступенькам", true))
			.containsExactly("Прорыв трубы с кипятком или ожог");
		assertThat(UrgencyRules.reasons("Опубликуйте график отключения света на следующую неделю", true)).isEmpty();
		// Slang for cold indoors counts only indoors: «на улице дубак» is the weather.
		assertThat(UrgencyRules.reasons("В группе садика холодрыга, дети сопливые", true))
			.containsExactly("Нет отопления в холодное время года");
		assertThat(UrgencyRules.reasons("На улице дубак, оденьтесь теплее на ёлку", true)).isEmpty();
		// A plea ahead of the season is not an alarm; a sign-off «заранее спасибо» does not make it one.
		assertThat(UrgencyRules.reasons("Сосульки каждую весну висят над входом, напомните владельцу заранее", true)).isEmpty();
		assertThat(UrgencyRules.reasons("Над входом висят огромные сосульки, просим сбить, заранее спасибо", true))
			.containsExactly("Сосульки, наледь или снег над проходом");
		assertThat(UrgencyRules.reasons("Батареи в подъезде холодные, но в квартирах тепло", true)).isEmpty();
	}

	@Test
	void anOutageToldAsOverOrAnnouncedIsNotCurrent() {
		// «сейчас» says it is going on, unless what follows says it works again.
		assertThat(UrgencyRules.reasons("Вечером на три часа отключали свет, сейчас всё работает", true)).isEmpty();
		assertThat(UrgencyRules.reasons("Электричества нет сейчас во всём доме", true))
			.containsExactly("Нет электричества в холодное время года");
		// An announcement by its window of hours or its works, without the word «планируется».
		assertThat(UrgencyRules.reasons("Отключение воды 14 января с 9:00 до 13:00 в связи с заменой задвижки", true)).isEmpty();
		assertThat(UrgencyRules.reasons("Водоснабжение после аварии пошло мутное, промойте трубы", true)).isEmpty();
		// A hazard taken away, told without a time word; a wild animal already driven off.
		assertThat(UrgencyRules.reasons("Наледь с козырька аптеки дворники сбили, спасибо", true)).isEmpty();
		assertThat(UrgencyRules.reasons("Волка вчера охотники отогнали от фермы, всё спокойно", true)).isEmpty();
		// A fracture told afterwards is over; bleeding is told while it goes on.
		assertThat(UrgencyRules.reasons("Дочь сломала ногу в школе, гипс наложили в райцентре, просим пандус", true)).isEmpty();
	}

	@Test
	void threatsToldByWhatPeopleSeeAreFound() {
		assertThat(UrgencyRules.reasons("Ребята, на Набережной весь квартал в темноте с обеда", true))
			.containsExactly("Нет электричества в холодное время года");
		assertThat(UrgencyRules.reasons("Отопление совсем не топят, в углах иней изнутри", true))
			.containsExactly("Нет отопления в холодное время года");
		assertThat(UrgencyRules.reasons("Росомаха повадилась к помойке у интерната", true))
			.containsExactly("Опасное животное в населённом пункте");
		assertThat(UrgencyRules.reasons("Парень сидит в сугробе у остановки, не можем его добудиться", true))
			.containsExactly("Нужна экстренная медицинская помощь");
		assertThat(UrgencyRules.reasons("В электрощитке на площадке вода, проводка залита", true))
			.containsExactly("Оборванный или искрящий провод");
	}

	@Test
	void aThreatFarIntoALongTextIsFound() {
		// Rules search only around their anchor words; the threat sits past many other anchors' stretches.
		String filler = "Дети ходят в школу мимо дороги, снег во дворе убирают, вода в доме есть. ".repeat(40);
		assertThat(UrgencyRules.reasons(filler + "А у подъезда лежит оборванный провод.", false))
			.containsExactly("Оборванный или искрящий провод");
		assertThat(UrgencyRules.reasons(filler, true)).isEmpty();
	}

	@Test
	void alternativesAreSplitOnlyAtTheTopLevel() {
		// Each top-level alternative is searched apart; a bar inside a group, a class or escaped stays put.
		assertThat(UrgencyRules.topLevelAlternatives("(?<!не )a(b|c)\\p{L}*|[|]d|e\\|f"))
			.containsExactly("(?<!не )a(b|c)\\p{L}*", "[|]d", "e\\|f");
	}

}
