package org.otklik.push.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.otklik.push.PushNoticeKind;
import org.otklik.region.Category;

/**
 * The words of notices: neutral titles, the appeal's number and category, never the citizen's name or text
 * (a lock screen is seen by anybody near the phone, and the push service reads the metadata).
 */
final class PushTexts {

	private static final Map<Category, String> CATEGORIES = Map.of(Category.HEALTHCARE, "здравоохранение",
			Category.EDUCATION, "образование", Category.HOUSING_UTILITIES, "ЖКХ", Category.CULTURE, "культура",
			Category.ENERGY, "энергетика", Category.ROADS_TRANSPORT, "дороги и транспорт", Category.SOCIAL_PROTECTION,
			"соцзащита", Category.ENVIRONMENT, "экология", Category.OTHER, "прочее");

	private PushTexts() {
	}

	static String category(Category category) {
		return CATEGORIES.getOrDefault(category, "прочее");
	}

	static String title(PushNoticeKind kind, boolean urgent) {
		String title = switch (kind) {
			case APPEAL_ASSIGNED -> "Новое обращение";
			case SLA_AT_RISK -> "Срок ответа под угрозой";
			case SLA_BREACHED -> "Срок ответа нарушен";
			case ANSWER_RETURNED -> "Ответ возвращён на доработку";
			case ANSWER_AWAITING_REVIEW -> "Ответ ждёт проверки";
			case CHANNEL_BROKEN -> "Канал не работает";
		};
		return urgent ? "Срочно: " + title.substring(0, 1).toLowerCase() + title.substring(1) : title;
	}

	static String appealBody(@Nullable String number, Category category) {
		return "Обращение " + ((number != null) ? number : "без номера") + " · " + category(category);
	}

	/** The summary of several notices of one kind that arrived at once. */
	static String summaryTitle(PushNoticeKind kind, int count) {
		return switch (kind) {
			case APPEAL_ASSIGNED -> count + " " + plural(count, "новое обращение", "новых обращения", "новых обращений");
			case ANSWER_AWAITING_REVIEW -> count + " " + plural(count, "ответ ждёт", "ответа ждут", "ответов ждут") + " проверки";
			case CHANNEL_BROKEN -> count + " " + plural(count, "канал не работает", "канала не работают", "каналов не работают");
			default -> title(kind, false) + ": " + count + " " + plural(count, "обращение", "обращения", "обращений");
		};
	}

	static String summaryUrl(PushNoticeKind kind) {
		return switch (kind) {
			case ANSWER_AWAITING_REVIEW -> "/review";
			case CHANNEL_BROKEN -> "/channels";
			default -> "/queue";
		};
	}

	/** Russian plural: 1 обращение, 2 обращения, 5 обращений, 21 обращение. */
	static String plural(int n, String one, String few, String many) {
		int mod100 = n % 100;
		int mod10 = n % 10;
		if (mod100 >= 11 && mod100 <= 14) {
			return many;
		}
		return (mod10 == 1) ? one : (mod10 >= 2 && mod10 <= 4) ? few : many;
	}

}
