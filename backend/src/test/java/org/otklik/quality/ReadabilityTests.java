package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Readability bands, including short texts, where a few long ordinary words must not decide the band. */
class ReadabilityTests {

	@Test
	void shortPlainAnswerIsNotHardToRead() {
		Readability readability = Coach.SERVICE.check("Здравствуйте! Спасибо за сообщение. Мы проверим ситуацию.", null)
			.readability();
		assertThat(readability.level()).isIn(ReadabilityLevel.EASY, ReadabilityLevel.MEDIUM);
		assertThat(readability.wordCount()).isEqualTo(7);
	}

	@Test
	void shortOfficialeseIsStillHard() {
		Readability readability = Coach.SERVICE
			.check("Осуществление мероприятий по обеспечению надлежащего функционирования инфраструктуры "
					+ "производится в соответствии с утверждённым регламентом.", null)
			.readability();
		assertThat(readability.level()).isIn(ReadabilityLevel.HARD, ReadabilityLevel.VERY_HARD);
	}

	@Test
	void longTextIsMeasuredByItsOwnWordsOnly() {
		String sentence = "Мастер придёт к вам в среду утром и заменит кран на кухне. ";
		Readability readability = Coach.SERVICE.check(sentence.repeat(4), null).readability();
		// The reported averages are rounded to 0.1, hence the tolerance.
		double expected = 206.835 - 1.3 * readability.averageSentenceLength()
				- 60.1 * readability.averageSyllablesPerWord();
		assertThat(readability.wordCount()).isGreaterThanOrEqualTo(30);
		assertThat(readability.fleschIndex()).isCloseTo(expected, org.assertj.core.data.Offset.offset(3.5));
	}

}
