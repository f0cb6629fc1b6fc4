package org.otklik.quality;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.otklik.quality.internal.AnalyzedText;
import org.otklik.quality.internal.PhraseDictionary;
import org.otklik.quality.internal.RuleFile;
import org.otklik.quality.internal.RussianAnalyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule-file format and Russian stem matching that every dictionary relies on. */
class RuleFileTests {

	private static final RussianAnalyzer ANALYZER = new RussianAnalyzer(Set.of("ул", "тел"));

	private static RuleFile parse(String content) {
		return RuleFile.parse("test.txt", content.lines().toList());
	}

	private static List<String> matches(String dictionary, String text) {
		RuleFile file = parse(dictionary);
		PhraseDictionary phrases = file.dictionary("phrases");
		AnalyzedText analysed = ANALYZER.analyze(text);
		return phrases.findAll(analysed).stream().map((m) -> text.substring(m.start(), m.end())).toList();
	}

	@Test
	void inflectedFormsMatchThroughSnowballStems() {
		String dictionary = "[phrases]\nвопрос рассмотрен\n";
		assertThat(matches(dictionary, "Вопрос рассмотрено.")).containsExactly("Вопрос рассмотрено");
		assertThat(matches(dictionary, "Вопросы рассмотрения ждут.")).containsExactly("Вопросы рассмотрения");
		assertThat(matches(dictionary, "Вопрос рассмотрим завтра.")).containsExactly("Вопрос рассмотрим");
		assertThat(matches(dictionary, "Вопрос решён.")).isEmpty();
	}

	@Test
	void yoAndCaseAreFolded() {
		assertThat(matches("[phrases]\nучёт\n", "Прибор УЧЕТА")).containsExactly("УЧЕТА");
	}

	@Test
	void alternativesOptionalWordsGapsAndExactForms() {
		String dictionary = "[phrases]\nобратитесь|обращайтесь в|к\nваше? обращение принято\nпри ... ассигнований\n=к сведению\n";
		assertThat(matches(dictionary, "Обращайтесь к нам.")).containsExactly("Обращайтесь к");
		assertThat(matches(dictionary, "Обращение принято.")).containsExactly("Обращение принято");
		assertThat(matches(dictionary, "При условии выделения ассигнований.")).containsExactly("При условии выделения ассигнований");
		assertThat(matches(dictionary, "Принято к сведению.")).containsExactly("к сведению");
	}

	@Test
	void phrasesDoNotCrossSentencesButIgnoreCommas() {
		String dictionary = "[phrases]\nсообщаем что\n";
		assertThat(matches(dictionary, "Сообщаем, что всё готово.")).containsExactly("Сообщаем, что");
		assertThat(matches(dictionary, "Мы сообщаем. Что дальше?")).isEmpty();
	}

	@Test
	void abbreviationsDoNotEndSentences() {
		AnalyzedText text = ANALYZER.analyze("Приходите на ул. Ленина, 5. Тел. 2-20-03. Ждём!");
		assertThat(text.sentences()).hasSize(3);
	}

	@Test
	void wordClassesAndWeights() {
		RuleFile file = parse("[phrases]\n@body обязана ; 2.5\n[@body]\nуправляющая компания\nук\n");
		PhraseDictionary phrases = file.dictionary("phrases");
		List<PhraseDictionary.Match> found = phrases.findAll(ANALYZER.analyze("Управляющая компания обязана. УК обязана."));
		assertThat(found).hasSize(2);
		assertThat(found.get(0).weight()).isEqualTo(2.5);
	}

	@Test
	void mistakesNameTheFileAndLine() {
		assertThatThrownBy(() -> parse("[phrases]\nслово @нет\n"))
			.hasMessageContaining("test.txt:2").hasMessageContaining("@нет");
		assertThatThrownBy(() -> parse("слово\n")).hasMessageContaining("test.txt:1");
		assertThatThrownBy(() -> parse("[phrases]\nслово ; много\n"))
			.hasMessageContaining("test.txt:2");
		assertThatThrownBy(() -> parse("[phrases]\nслово\n").dictionary("другое"))
			.hasMessageContaining("[другое]");
	}

}
