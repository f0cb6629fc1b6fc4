package org.otklik.routing.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises messages that are not appeals (thanks, greetings, advertising, chatter) so that moderation
 * can reject them in bulk. It errs on the side of "an appeal": any sign of a problem or a request keeps
 * the message, because a rejected appeal is a citizen left without an answer.
 */
public final class NotAppealRules {

	// The text is lower-cased once before matching: case-insensitive Unicode matching cost most of the time.
	// Unicode classes so that \b works on Cyrillic on every JDK (since 19 it follows \w, ASCII by default).
	private static final int F = Pattern.UNICODE_CHARACTER_CLASS;

	private record Kind(String reason, Pattern pattern) {
	}

	private static final List<Kind> KINDS = List.of(
			new Kind("Реклама", Pattern.compile("скидк|распродаж|продам|продаю|продается|куплю|подписывайтесь|подпишись"
					+ "|переходи\\p{L}* по ссылке|заработ\\p{L}* (на дому|от|без)|доход от|промокод|бесплатн\\p{L}* доставк"
					+ "|пишите в (личк|лс|директ)|звоните по (номеру|телефону)|казино|ставки на|кредит\\p{L}* .{0,15}одобр"
					+ "|акци[яи] .{0,20}(только|до|магазин)|в наличии|оптом|https?://"
					// Classifieds: services, giveaways, lifts (not job offers: «нет вакансий врача» is a complaint).
					+ "|\\bотдам\\b|в добрые руки|под ключ|недорого|опыт \\d+ (лет|год)|\\bторг\\b|попутчик", F)),
			new Kind("Благодарность", Pattern.compile("спасибо|благодар|низкий поклон|молодц|признательн|выражаю (огромную )?благодарн", F)),
			new Kind("Поздравление или приветствие", Pattern.compile("поздравля|с (новым годом|рождеством|праздник|днем|днём)"
					+ "|всех с |доброе утро|добрый вечер всем|всем добрый|всем привет|всем хорошего|с наступающим", F)),
			new Kind("Разговор не по делу", Pattern.compile("\\bура\\b|какая красота|какой (сегодня )?(закат|рассвет|вид)|красотища", F)));

	/** Any sign of a complaint, a question or a request: the message stays an appeal. */
	private static final Pattern PROBLEM = Pattern.compile("\\?|почему|когда (будет|же|наконец|сделают|начнут|уберут|дадут)|прошу|просим"
			+ "|помогите|требуем|сколько можно|жалоб|невозможно|проблем|безобраз|до сих пор|не работа|не (убира|чист|дел|выда|плат|приход|приезж)"
			+ "|нет (света|воды|тепла|отоплен|связи|врач|лекарств)|отключ|сломан|разбит|течет|протека|холодно|опасно|\\bно\\b|однако|жаль"
			+ "|к сожалению|обращаюсь|обратите внимание|разберитесь|примите меры|невыносим|ужас|кошмар|позор"
			// A wish is a request too: «теперь бы ещё освещение», «надо бы», «нужно».
			+ "|\\bбы\\b|нужн|\\bнадо\\b|необходим|пора бы|хотелось", F);

	private NotAppealRules() {
	}

	/** Why the message is not an appeal, or empty when it is one (or may be one). */
	public static Optional<String> reason(String text) {
		String t = text.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
		if (t.isBlank()) {
			return Optional.of("Пустое сообщение");
		}
		// Advertising is not an appeal even when it asks a question («Хотите скидку?»). The sign search runs
		// once, without question marks, which are checked apart.
		Kind ad = KINDS.get(0);
		boolean complaint = PROBLEM.matcher(t.replace("?", "")).find();
		if (!complaint && ad.pattern().matcher(t).find()) {
			return Optional.of(ad.reason());
		}
		if (complaint || t.indexOf('?') >= 0) {
			return Optional.empty();
		}
		for (Kind kind : KINDS.subList(1, KINDS.size())) {
			if (kind.pattern().matcher(t).find()) {
				return Optional.of(kind.reason());
			}
		}
		return Optional.empty();
	}

}
