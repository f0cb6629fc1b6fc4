package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** TOO_COMPLEX (advisory) and readability on hand-written answers. */
class ComplexityRuleTests {

	@Test
	void flagsLongSentenceWithItsOffsets() {
		String longSentence = "Ремонт кровли дома, который был признан требующим первоочередного вмешательства после "
				+ "обследования, проведённого специалистами фонда капитального ремонта в прошлом году с участием "
				+ "представителей управляющей компании и совета дома, начнётся в июне и продлится до конца августа.";
		String answer = "Здравствуйте! " + longSentence;
		QualityReport report = Coach.SERVICE.check(answer, null);
		QualityFinding finding = report.findings()
			.stream()
			.filter((f) -> f.rule() == QualityRule.TOO_COMPLEX && f.message().startsWith("Длинное"))
			.findFirst()
			.orElseThrow();
		assertThat(answer.substring(finding.start(), finding.end())).isEqualTo(longSentence);
		assertThat(report.readability().longSentenceCount()).isEqualTo(1);
	}

	@Test
	void flagsFullTitleOfALegalAct() {
		String answer = "Здравствуйте! Согласно Федеральному закону «О газоснабжении» проверку проводит поставщик.";
		assertThat(Coach.rules(answer)).contains(QualityRule.TOO_COMPLEX);
	}

	@Test
	void plainShortAnswerIsNotComplexAndReadsEasily() {
		String answer = "Здравствуйте! Спасибо, что написали. Свет в подъезде починят завтра. Мастер — Иван Орлов.";
		QualityReport report = Coach.SERVICE.check(answer, null);
		assertThat(report.has(QualityRule.TOO_COMPLEX)).isFalse();
		assertThat(report.readability().sentenceCount()).isEqualTo(4);
		assertThat(report.readability().level()).isIn(ReadabilityLevel.EASY, ReadabilityLevel.MEDIUM);
	}

	@Test
	void officialeseReadsHarderThanPlainText() {
		QualityReport plain = Coach.SERVICE.check("Трубу заменим завтра. Воду дадут к вечеру.", null);
		QualityReport official = Coach.SERVICE.check("Восстановление функционирования системы водоснабжения "
				+ "осуществляется специализированной организацией в соответствии с утверждённым графиком.", null);
		assertThat(official.readability().fleschIndex()).isLessThan(plain.readability().fleschIndex());
		assertThat(official.readability().level()).isEqualTo(ReadabilityLevel.VERY_HARD);
	}

}
