package org.otklik.report.internal;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.sla.SlaState;

/** Russian names of the enums a report shows, the same words the PWA uses (its {@code ru.ts}). */
public final class Labels {

	private Labels() {
	}

	public static String status(AppealStatus status) {
		return switch (status) {
			case NEW -> "Новое";
			case ASSIGNED -> "Назначено";
			case IN_PROGRESS -> "В работе";
			case ON_REVIEW -> "На проверке";
			case ANSWERED -> "Ответ дан";
			case CLOSED -> "Закрыто";
			case REJECTED -> "Отклонено";
		};
	}

	public static String channel(Channel channel) {
		return switch (channel) {
			case VK -> "ВКонтакте";
			case TELEGRAM -> "Telegram";
			case OK -> "Одноклассники";
			case MAX -> "MAX";
			case GOSUSLUGI -> "Госуслуги (ПОС)";
			case EMAIL -> "Эл. почта / письмо";
			case PHONE -> "Телефон";
			case OTHER -> "Другое";
		};
	}

	public static String category(Category category) {
		return switch (category) {
			case HEALTHCARE -> "Здравоохранение";
			case EDUCATION -> "Образование";
			case HOUSING_UTILITIES -> "ЖКХ";
			case CULTURE -> "Культура";
			case ENERGY -> "Энергетика";
			case ROADS_TRANSPORT -> "Дороги и транспорт";
			case SOCIAL_PROTECTION -> "Соцзащита";
			case ENVIRONMENT -> "Экология";
			case OTHER -> "Другое";
		};
	}

	public static @Nullable String municipality(@Nullable Municipality municipality) {
		return (municipality != null) ? municipality.title() : null;
	}

	public static @Nullable String slaState(@Nullable SlaState state) {
		if (state == null) {
			return null;
		}
		return switch (state) {
			case ON_TRACK -> "в срок";
			case AT_RISK -> "срок на исходе";
			case BREACHED -> "просрочено";
			case MET -> "выполнено";
		};
	}

	public static String yesNo(boolean value) {
		return value ? "да" : "нет";
	}

}
