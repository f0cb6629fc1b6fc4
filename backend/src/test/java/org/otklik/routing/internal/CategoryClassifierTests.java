package org.otklik.routing.internal;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.otklik.region.Category;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped category model on appeals written for this test in new wording (not in the training data,
 * not from the shared data set): four a category, written while the lexicon was being extended and before
 * the new seed appeals; the model before both changes got 33 of these 36 (at least 34 are required).
 */
class CategoryClassifierTests {

	private static CategoryClassifier classifier;

	private static final List<CategoryClassifier.Example> NEW_WORDINGS = List.of(
			e(Category.HEALTHCARE, "Третью неделю не могу попасть к неврологу, в регистратуре отвечают что свободных мест нет"),
			e(Category.HEALTHCARE, "Отцу после инсульта не назначили реабилитацию, выписали домой и забыли"),
			e(Category.HEALTHCARE, "В участковой больнице сломался рентген аппарат, снимки не делают"),
			e(Category.HEALTHCARE, "Почему в медпункте нет даже бинтов и зелёнки"),
			e(Category.EDUCATION, "Сыну в первом классе не хватило учебников, покупаем за свой счёт"),
			e(Category.EDUCATION, "Заведующая садиком требует деньги на ремонт группы"),
			e(Category.EDUCATION, "В колледже отменили стипендию половине группы без объяснений"),
			e(Category.EDUCATION, "Логопеда в детском саду нет уже год, ребёнку нужны занятия"),
			e(Category.HOUSING_UTILITIES, "Из квартиры сверху постоянно заливает, управляйка только разводит руками"),
			e(Category.HOUSING_UTILITIES, "В подвале нашего дома стоит вода и воняет, комары круглый год"),
			e(Category.HOUSING_UTILITIES, "Плата за содержание жилья выросла вдвое, а подъезд не убирают"),
			e(Category.HOUSING_UTILITIES, "Дверь в подъезд не закрывается, домофон сломан с осени"),
			e(Category.CULTURE, "Сельский клуб закрыт, молодёжи некуда пойти вечером"),
			e(Category.CULTURE, "Просим вернуть кружок народного танца в доме культуры"),
			e(Category.CULTURE, "В библиотеке нет новых книг уже лет пять"),
			e(Category.CULTURE, "Памятник погибшим землякам разрушается, никто не ухаживает"),
			e(Category.ENERGY, "Напряжение в сети скачет, сгорел холодильник и телевизор"),
			e(Category.ENERGY, "Счета за электроэнергию пришли вдвое больше, счётчик проверяли"),
			e(Category.ENERGY, "Третий год ждём подключения дома к электросетям"),
			e(Category.ENERGY, "В котельной кончается уголь, завоз обещали ещё в октябре"),
			e(Category.ROADS_TRANSPORT, "На повороте к школе нет ни одного знака и разметки"),
			e(Category.ROADS_TRANSPORT, "Маршрутка ходит раз в два часа, на работу не успеваем"),
			e(Category.ROADS_TRANSPORT, "Улицу не чистят от снега, машины буксуют"),
			e(Category.ROADS_TRANSPORT, "Билеты на самолёт в Магадан стоят как половина зарплаты"),
			e(Category.SOCIAL_PROTECTION, "Бабушке перестали начислять доплату к пенсии, объяснить никто не может"),
			e(Category.SOCIAL_PROTECTION, "Многодетной семье не выдали положенную компенсацию за проезд"),
			e(Category.SOCIAL_PROTECTION, "Сыну-инвалиду полгода не могут выдать коляску"),
			e(Category.SOCIAL_PROTECTION, "Соцработник не приходит к одинокой пенсионерке уже месяц"),
			e(Category.ENVIRONMENT, "На берегу бухты выбросили старые бочки с чем-то маслянистым"),
			e(Category.ENVIRONMENT, "Браконьеры перегородили сетями всю речку во время хода рыбы"),
			e(Category.ENVIRONMENT, "За посёлком вырубают лес без всяких разрешений"),
			e(Category.ENVIRONMENT, "Лисица ходит по двору детсада днём, видимо больная"),
			e(Category.OTHER, "Мобильный интернет пропадает каждый вечер, дозвониться невозможно"),
			e(Category.OTHER, "В отделении почты очередь на час, работает одно окно"),
			e(Category.OTHER, "Соседи сверху каждую ночь устраивают гулянки с музыкой"),
			e(Category.OTHER, "Стая собак живёт у гаражей и бросается на прохожих"));

	@BeforeAll
	static void train() {
		classifier = CategoryClassifier.train(Training.shippedExamples(), Training.lexicon());
	}

	@Test
	void theShippedModelSortsAppealsInNewWording() {
		// 36 of 36 at the time of writing, 33 before the lexicon and seed changes; the bar (34) fails the old
		// model and leaves room for small shifts when the shipped examples grow.
		assertThat(classifier.accuracy(NEW_WORDINGS)).isGreaterThanOrEqualTo(34.0 / 36);
	}

	@Test
	void everyCategoryIsReachedAndTheRightOneIsAtLeastSecond() {
		for (CategoryClassifier.Example example : NEW_WORDINGS) {
			List<CategoryClassifier.Scored> scored = classifier.classify(example.text());
			assertThat(scored.subList(0, 2)).as(example.text()).extracting(CategoryClassifier.Scored::category)
				.contains(example.category());
		}
	}

	private static CategoryClassifier.Example e(Category category, String text) {
		return new CategoryClassifier.Example(text, category, 1);
	}

}
