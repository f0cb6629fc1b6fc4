package org.otklik.appeal.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.otklik.appeal.AppealInputs.IngestAppealInput;
import org.otklik.appeal.AppealLimits;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;

/**
 * The shape of the input, checked before anything is read: required fields, lengths, links. Whether a
 * change is allowed now is the lifecycle's question, not this one's.
 */
public final class AppealValidation {

	private AppealValidation() {
	}

	public static List<UserError> ingest(IngestAppealInput input) {
		List<UserError> errors = new ArrayList<>();
		if (input.channel() == null) {
			errors.add(UserError.required("channel", "Укажите канал"));
		}
		if (blank(input.externalId())) {
			errors.add(UserError.required("externalId", "Укажите идентификатор сообщения в источнике"));
		}
		else {
			maxLength(errors, "externalId", input.externalId(), AppealLimits.SHORT_TEXT, "Идентификатор");
		}
		if (blank(input.text())) {
			errors.add(UserError.required("text", "Текст обращения пуст"));
		}
		else {
			maxLength(errors, "text", input.text(), AppealLimits.APPEAL_TEXT, "Текст");
		}
		url(errors, "url", input.url());
		url(errors, "authorProfileUrl", input.authorProfileUrl());
		if (input.authorName() != null) {
			maxLength(errors, "authorName", input.authorName(), AppealLimits.SHORT_TEXT, "Имя");
		}
		errors.addAll(settlement(input.settlement()));
		if (input.reach() != null && (negative(input.reach().views()) || negative(input.reach().likes())
				|| negative(input.reach().comments()))) {
			errors.add(UserError.of(UserErrorCode.INVALID, "reach", "Охват не может быть отрицательным"));
		}
		return errors;
	}

	/** A settlement's name as given (null: none given): not too long; whether it exists is the gazetteer's to say. */
	public static List<UserError> settlement(@org.jspecify.annotations.Nullable String value) {
		List<UserError> errors = new ArrayList<>();
		if (value != null) {
			maxLength(errors, "settlement", value, AppealLimits.SHORT_TEXT, "Название населённого пункта");
		}
		return errors;
	}

	/** A settlement the gazetteer does not know in the municipality, or one given without a municipality. */
	public static UserError unknownSettlement(org.otklik.region.@org.jspecify.annotations.Nullable Municipality municipality,
			String name) {
		String shown = name.strip();
		shown = (shown.length() > 60) ? shown.substring(0, 60) + "…" : shown;
		return (municipality == null)
				? UserError.of(UserErrorCode.INVALID, "settlement",
						"Укажите муниципальный округ, к которому относится населённый пункт")
				: UserError.of(UserErrorCode.INVALID, "settlement",
						"В округе «" + municipality.title() + "» нет населённого пункта «" + shown + "»");
	}

	/** A reason, comment or clarification a change requires: not blank, not too long. */
	public static List<UserError> reason(String field, String value, String whenMissing) {
		if (blank(value)) {
			return List.of(UserError.required(field, whenMissing));
		}
		List<UserError> errors = new ArrayList<>();
		maxLength(errors, field, value, AppealLimits.REASON, "Текст");
		return errors;
	}

	public static List<UserError> answer(Object kind, String text, String clientAnswerId) {
		List<UserError> errors = new ArrayList<>();
		if (kind == null) {
			errors.add(UserError.required("kind", "Укажите вид ответа"));
		}
		if (blank(text)) {
			errors.add(UserError.required("text", "Ответ пуст"));
		}
		else {
			maxLength(errors, "text", text, AppealLimits.ANSWER_TEXT, "Ответ");
		}
		if (clientAnswerId != null) {
			maxLength(errors, "clientAnswerId", clientAnswerId, AppealLimits.CLIENT_ID, "Идентификатор");
		}
		return errors;
	}

	/** A link given by hand (where an answer was published). */
	public static List<UserError> link(String field, String url) {
		List<UserError> errors = new ArrayList<>();
		url(errors, field, url);
		return errors;
	}

	private static void maxLength(List<UserError> errors, String field, String value, int max, String what) {
		if (value.length() > max) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, field, what + " длиннее " + max + " символов"));
		}
	}

	private static void url(List<UserError> errors, String field, String url) {
		if (blank(url)) {
			return;
		}
		if (url.length() > AppealLimits.URL) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, field, "Ссылка длиннее " + AppealLimits.URL + " символов"));
			return;
		}
		try {
			URI uri = new URI(url.trim());
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					|| uri.getHost() == null) {
				errors.add(UserError.of(UserErrorCode.INVALID, field, "Ссылка должна начинаться с http:// или https://"));
			}
		}
		catch (URISyntaxException ex) {
			errors.add(UserError.of(UserErrorCode.INVALID, field, "Неверная ссылка"));
		}
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static boolean negative(Integer n) {
		return n != null && n < 0;
	}

}
