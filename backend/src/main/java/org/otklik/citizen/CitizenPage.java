package org.otklik.citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.otklik.agency.Agency;
import org.otklik.appeal.Answer;
import org.otklik.appeal.AnswerKind;
import org.otklik.appeal.Appeal;
import org.otklik.region.Category;

/**
 * The citizen's page as server-rendered HTML: one small document with its own style and no script, so it
 * opens quickly on a poor mobile connection and its Content-Security-Policy can forbid everything else.
 * Only what the citizen was told already is shown: number, category, dates, status, published answers and
 * the agency's public contact; never the appeal's text (it may hold personal data), the author or the staff.
 */
final class CitizenPage {

	static final Locale RU = Locale.forLanguageTag("ru");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", RU);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", RU);

	static final String CSS = "*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
			+ "color:#1a1a1a;background:#f4f5f7}main{max-width:40rem;margin:0 auto;padding:1rem}"
			+ "h1{font-size:1.35rem;margin:.5rem 0}h2{font-size:1.1rem;margin:0 0 .5rem}"
			+ "section{background:#fff;border-radius:.75rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
			+ ".muted{color:#555;font-size:.9rem}.status{font-weight:600}.answer{border-top:1px solid #e3e5e8;padding-top:.75rem;margin-top:.75rem}"
			+ ".answer:first-of-type{border:0;padding:0;margin:0}.text{white-space:pre-wrap;overflow-wrap:anywhere}"
			+ ".note{padding:.75rem;border-radius:.5rem;background:#e8f4ea;margin:0 0 1rem}.error{background:#fdecea}"
			+ "fieldset{border:0;margin:0;padding:0;display:flex;gap:.5rem;flex-wrap:wrap}legend{margin-bottom:.5rem}"
			+ "label.score{flex:1 0 3rem;text-align:center;border:1px solid #b8bec6;border-radius:.5rem;padding:.6rem 0;font-size:1.2rem}"
			+ "label.score input{display:block;margin:0 auto .25rem}textarea{width:100%;min-height:5rem;font:inherit;padding:.5rem;"
			+ "border:1px solid #b8bec6;border-radius:.5rem;margin:.75rem 0}button{font:inherit;font-weight:600;color:#fff;"
			+ "background:#0b5cad;border:0;border-radius:.5rem;padding:.75rem 1.25rem;width:100%}a{color:#0b5cad}";

	/** The CSP hash of {@link #CSS}: the page's only allowed style, and nothing else may load at all. */
	static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; img-src 'self'; form-action 'self'; "
			+ "base-uri 'none'; frame-ancestors 'none'";

	/** Time zones the region may use, by the city whose time people know them by (genitive). */
	private static final Map<String, String> CITIES = Map.of("Asia/Magadan", "Магадана", "Europe/Moscow", "Москвы",
			"Asia/Vladivostok", "Владивостока", "Asia/Kamchatka", "Петропавловска-Камчатского", "Asia/Yakutsk",
			"Якутска", "Asia/Srednekolymsk", "Среднеколымска", "Asia/Anadyr", "Анадыря");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{6,}[0-9]");

	private CitizenPage() {
	}

	/** What the page shows besides the appeal. */
	record Extras(@Nullable String notice, boolean noticeIsError, boolean canRate, @Nullable Instant changeableUntil,
			boolean changeable, int commentMax) {
	}

	static String render(String token, Appeal appeal, @Nullable Agency agency, @Nullable CitizenRating rating,
			ZoneId regionZone, Extras extras) {
		ZoneId zone = zone(appeal, regionZone);
		String number = (appeal.number() != null) ? appeal.number() : "без номера";
		StringBuilder html = new StringBuilder(4096);
		head(html, "Обращение " + number);
		html.append("<h1>Обращение № ").append(esc(number)).append("</h1>");
		html.append("<p class=\"muted\">").append(esc(category(appeal.category()))).append(" · получено ")
			.append(DATE.format(appeal.receivedAt().atZone(zone))).append("</p>");
		if (extras.notice() != null) {
			html.append("<p class=\"note").append(extras.noticeIsError() ? " error" : "").append("\" role=\"status\">")
				.append(esc(extras.notice())).append("</p>");
		}
		html.append("<section><h2>Где сейчас обращение</h2><p class=\"status\">").append(esc(status(appeal)))
			.append("</p><p>").append(esc(deadline(appeal, zone))).append("</p></section>");

		html.append("<section><h2>Ответы</h2>");
		var published = appeal.answers().stream().filter(CitizenService::published)
			.sorted(Comparator.comparing(CitizenPage::publishedAt)).toList();
		if (published.isEmpty()) {
			html.append("<p>Ответа пока нет.</p>");
		}
		for (Answer answer : published) {
			html.append("<article class=\"answer\"><h3 class=\"muted\">")
				.append(answer.kind() == AnswerKind.FINAL ? "Ответ" : "Промежуточный ответ").append(", ")
				.append(DATE_TIME.format(publishedAt(answer).atZone(zone))).append("</h3><p class=\"text\">")
				.append(esc(answer.text())).append("</p></article>");
		}
		html.append("</section>");

		html.append("<section><h2>Куда обращаться</h2>");
		if (agency != null) {
			html.append("<p>").append(esc(agency.name())).append("</p>");
			if (agency.publicContact() != null && !agency.publicContact().isBlank()) {
				html.append("<p>").append(contact(agency.publicContact())).append("</p>");
			}
		}
		html.append("<p class=\"muted\">Назовите номер обращения: ").append(esc(number)).append(".</p></section>");

		if (extras.canRate()) {
			rating(html, token, rating, extras, zone);
		}
		html.append("<p class=\"muted\">Эта страница видна всем, у кого есть ссылка. Не пересылайте её посторонним.</p>");
		html.append("</main></body></html>");
		return html.toString();
	}

	private static void rating(StringBuilder html, String token, @Nullable CitizenRating rating, Extras extras, ZoneId zone) {
		html.append("<section><h2>Помог ли ответ?</h2>");
		if (rating != null) {
			html.append("<p>Ваша оценка: ").append(rating.score()).append(" из 5.</p>");
			if (!extras.changeable() || extras.changeableUntil() == null) {
				html.append("<p class=\"muted\">Изменить оценку уже нельзя: это можно сделать в течение 7 дней.</p></section>");
				return;
			}
			html.append("<p class=\"muted\">Изменить оценку можно до ")
				.append(DATE_TIME.format(extras.changeableUntil().atZone(zone))).append(".</p>");
		}
		html.append("<form method=\"post\" action=\"/c/").append(esc(token)).append("/rating\"><fieldset>")
			.append("<legend>1 — совсем не помог, 5 — полностью помог</legend>");
		for (int score = 1; score <= 5; score++) {
			html.append("<label class=\"score\"><input type=\"radio\" name=\"score\" value=\"").append(score).append('"')
				.append((rating != null && rating.score() == score) ? " checked" : "").append(score == 1 ? " required" : "")
				.append(">").append(score).append("</label>");
		}
		html.append("</fieldset><label for=\"comment\">Комментарий (не обязательно). Не пишите здесь имена, адреса и телефоны.</label>")
			.append("<textarea id=\"comment\" name=\"comment\" maxlength=\"").append(extras.commentMax()).append("\">")
			.append((rating != null && rating.comment() != null) ? esc(rating.comment()) : "")
			.append("</textarea><button type=\"submit\">").append(rating != null ? "Изменить оценку" : "Оценить")
			.append("</button></form></section>");
	}

	/** A page with only a message: unknown or revoked link, too many requests. */
	static String message(String title, String text) {
		StringBuilder html = new StringBuilder(1024);
		head(html, title);
		html.append("<h1>").append(esc(title)).append("</h1><section><p>").append(esc(text)).append("</p></section></main></body></html>");
		return html.toString();
	}

	private static void head(StringBuilder html, String title) {
		html.append("<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
			.append("<meta name=\"robots\" content=\"noindex,nofollow\"><title>").append(esc(title))
			.append(" — Отклик</title><style>").append(CSS).append("</style></head><body><main>");
	}

	static String status(Appeal appeal) {
		return switch (appeal.status()) {
			case NEW -> "Обращение получено и передаётся в ведомство.";
			case ASSIGNED -> "Обращение передано в ведомство и ждёт исполнителя.";
			case IN_PROGRESS -> appeal.openPause().isPresent() ? "Ведомство ждёт от вас уточнения."
					: "Обращением занимаются.";
			case ON_REVIEW -> "Ответ подготовлен и проходит проверку.";
			case ANSWERED -> "Дан ответ.";
			case CLOSED -> "Обращение закрыто.";
			case REJECTED -> "Обращение не принято к рассмотрению.";
		};
	}

	static String deadline(Appeal appeal, ZoneId zone) {
		String city = city(zone);
		if (!appeal.status().isOpen()) {
			Instant at = (appeal.answeredAt() != null) ? appeal.answeredAt() : appeal.closedAt();
			return (at != null) ? "Ответ дан " + DATE.format(at.atZone(zone)) + "." : "Работа по обращению завершена.";
		}
		if (appeal.openPause().isPresent()) {
			return "Срок ответа остановлен, пока ведомство ждёт уточнения; он продлится на время ожидания.";
		}
		Instant due = (appeal.sla() != null) ? appeal.sla().finalAnswerDueAt() : null;
		if (due == null) {
			return "Срок ответа будет назначен, когда обращение примут в работу.";
		}
		return "Ответ должен быть дан до " + DATE_TIME.format(due.atZone(zone)) + " по времени " + city + ".";
	}

	static String city(ZoneId zone) {
		return CITIES.getOrDefault(zone.getId(), "региона");
	}

	private static ZoneId zone(Appeal appeal, ZoneId regionZone) {
		try {
			return (appeal.sla() != null && appeal.sla().zone() != null) ? ZoneId.of(appeal.sla().zone()) : regionZone;
		}
		catch (RuntimeException ex) {
			return regionZone;
		}
	}

	private static Instant publishedAt(Answer answer) {
		return (answer.reviewedAt() != null) ? answer.reviewedAt() : answer.submittedAt();
	}

	/** The contact with its phone number as a tap-to-call link. */
	static String contact(String contact) {
		Matcher phone = PHONE.matcher(contact);
		if (!phone.find()) {
			return esc(contact);
		}
		String digits = phone.group().replaceAll("[^0-9+]", "");
		return esc(contact.substring(0, phone.start())) + "<a href=\"tel:" + esc(digits) + "\">" + esc(phone.group())
				+ "</a>" + esc(contact.substring(phone.end()));
	}

	static String category(Category category) {
		return switch (category) {
			case HEALTHCARE -> "Здравоохранение";
			case EDUCATION -> "Образование";
			case HOUSING_UTILITIES -> "ЖКХ";
			case CULTURE -> "Культура";
			case ENERGY -> "Энергетика";
			case ROADS_TRANSPORT -> "Дороги и транспорт";
			case SOCIAL_PROTECTION -> "Социальная защита";
			case ENVIRONMENT -> "Экология";
			case OTHER -> "Другое";
		};
	}

	static String esc(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static String sha256(String text) {
		try {
			return "sha256-" + Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
