package org.otklik.report.internal;

import java.util.List;
import java.util.Map;

import org.otklik.agency.Agency;
import org.otklik.appeal.AppealRow;

import static org.otklik.report.internal.CellKind.DATE_TIME;
import static org.otklik.report.internal.CellKind.INTEGER;
import static org.otklik.report.internal.CellKind.LABEL;
import static org.otklik.report.internal.CellKind.TEXT;

/**
 * The columns of an appeal list, one per field of the {@code appeals} query that a spreadsheet needs, with
 * the SLA as the API evaluates it. The author's columns stay empty where the API would hide the author.
 */
public final class AppealColumns {

	private AppealColumns() {
	}

	/** The columns; agency names come from the map of agencies by id. */
	public static List<Column<AppealRow>> of(Map<String, Agency> agencies) {
		return List.of(Column.of("Номер", LABEL, 26, AppealRow::id),
				Column.of("Поступило", DATE_TIME, 17, AppealRow::receivedAt),
				Column.of("Статус", LABEL, 13, row -> Labels.status(row.status())),
				Column.of("Канал", LABEL, 14, row -> Labels.channel(row.channel())),
				Column.of("Категория", LABEL, 18, row -> Labels.category(row.category())),
				Column.of("Муниципалитет", LABEL, 28, row -> Labels.municipality(row.municipality())),
				Column.of("Срочное", LABEL, 9, row -> Labels.yesNo(row.urgent())),
				Column.of("Ведомство", LABEL, 32, row -> agencyName(agencies, row.agencyId())),
				Column.of("Исполнитель", LABEL, 22, AppealRow::executorName),
				Column.of("Автор", TEXT, 22, AppealRow::authorName),
				Column.of("Профиль автора", TEXT, 30, AppealRow::authorProfileUrl),
				Column.of("Ссылка на публикацию", TEXT, 30, AppealRow::url),
				Column.of("Текст обращения", TEXT, 60, AppealRow::text),
				Column.of("Срок первого ответа", DATE_TIME, 17, AppealRow::firstResponseDueAt),
				Column.of("Первый ответ: состояние", LABEL, 16, row -> Labels.slaState(row.firstResponseState())),
				Column.of("Первый ответ дан", DATE_TIME, 17, AppealRow::firstRespondedAt),
				Column.of("Срок итогового ответа", DATE_TIME, 17, AppealRow::finalAnswerDueAt),
				Column.of("Итоговый ответ: состояние", LABEL, 16, row -> Labels.slaState(row.finalAnswerState())),
				Column.of("Итоговый ответ утверждён", DATE_TIME, 17, AppealRow::answeredAt),
				Column.of("Закрыто", DATE_TIME, 17, AppealRow::closedAt),
				Column.of("Переадресаций", INTEGER, 10, AppealRow::redirectCount),
				Column.of("Возвратов на доработку", INTEGER, 10, AppealRow::returnCount));
	}

	private static @org.jspecify.annotations.Nullable String agencyName(Map<String, Agency> agencies,
			@org.jspecify.annotations.Nullable String id) {
		if (id == null) {
			return null;
		}
		Agency agency = agencies.get(id);
		return (agency != null) ? agency.name() : id;
	}

}
