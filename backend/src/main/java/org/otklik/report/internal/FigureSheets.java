package org.otklik.report.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.stats.AgencyBreakdownStats;
import org.otklik.stats.AgencyRanking;
import org.otklik.stats.AgencyRankingEntry;
import org.otklik.stats.AgencyStats;
import org.otklik.stats.CategoryStats;
import org.otklik.stats.ChannelStats;
import org.otklik.stats.DayStats;
import org.otklik.stats.DurationStats;
import org.otklik.stats.MunicipalityStats;
import org.otklik.stats.RegionStats;
import org.otklik.stats.ResolvedPeriod;
import org.otklik.stats.StatsFigures;
import reactor.core.publisher.Flux;

import static org.otklik.report.internal.CellKind.DATE;
import static org.otklik.report.internal.CellKind.DECIMAL;
import static org.otklik.report.internal.CellKind.DURATION;
import static org.otklik.report.internal.CellKind.INTEGER;
import static org.otklik.report.internal.CellKind.LABEL;
import static org.otklik.report.internal.CellKind.SHARE;
import static org.otklik.report.internal.CellKind.TYPED;

/**
 * The figures of {@code agencyStats}, {@code regionStats} and {@code agencyRanking} as sheets: the headline
 * figures as a two-column table, then each breakdown as its own table, numbers as numbers, shares as
 * percentages and durations as hours and minutes.
 */
public final class FigureSheets {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private FigureSheets() {
	}

	public static List<Sheet<?>> agency(AgencyStats stats) {
		List<Sheet<?>> sheets = new ArrayList<>();
		sheets.add(figures(stats.figures(), stats.period(), stats.agency().name()));
		sheets.add(channels(stats.byChannel()));
		sheets.add(categories(stats.byCategory()));
		sheets.add(municipalities(stats.byMunicipality()));
		sheets.add(trend(stats.trend()));
		return sheets;
	}

	public static List<Sheet<?>> region(RegionStats stats) {
		List<Sheet<?>> sheets = new ArrayList<>();
		sheets.add(figures(stats.figures(), stats.period(), "Весь регион"));
		sheets.add(agencies(stats.byAgency()));
		sheets.add(channels(stats.byChannel()));
		sheets.add(categories(stats.byCategory()));
		sheets.add(municipalities(stats.byMunicipality()));
		sheets.add(trend(stats.trend()));
		return sheets;
	}

	public static List<Sheet<?>> ranking(AgencyRanking ranking) {
		List<AgencyRankingEntry> entries = new ArrayList<>(ranking.rated());
		entries.addAll(ranking.unrated());
		return List.of(new Sheet<>("Рейтинг", List.of(
				Column.<AgencyRankingEntry>of("Место", INTEGER, 7, AgencyRankingEntry::place),
				Column.<AgencyRankingEntry>of("Ведомство", LABEL, 36, entry -> entry.agency().name()),
				Column.<AgencyRankingEntry>of("Балл (0–100)", DECIMAL, 10, AgencyRankingEntry::score),
				Column.<AgencyRankingEntry>of("Без оценки", LABEL, 26, entry -> unrated(entry.unratedReason())),
				Column.<AgencyRankingEntry>of("Поступило", INTEGER, 10, AgencyRankingEntry::received),
				Column.<AgencyRankingEntry>of("Медиана первого ответа, рабочее время (ч:мм)", DURATION, 16,
						AgencyRankingEntry::medianFirstResponseBusinessSeconds),
				Column.<AgencyRankingEntry>of("Первые ответы в срок", SHARE, 12, AgencyRankingEntry::firstResponseWithinSla),
				Column.<AgencyRankingEntry>of("Итоговые ответы в срок", SHARE, 12, AgencyRankingEntry::finalAnswerWithinSla),
				Column.<AgencyRankingEntry>of("Сроков соблюдено", INTEGER, 10, AgencyRankingEntry::clocksOnTime),
				Column.<AgencyRankingEntry>of("С опозданием", INTEGER, 10, AgencyRankingEntry::clocksLate),
				Column.<AgencyRankingEntry>of("Сроков пропущено", INTEGER, 10, AgencyRankingEntry::missedDeadlines),
				Column.<AgencyRankingEntry>of("Доля соблюдённых сроков", SHARE, 12, AgencyRankingEntry::deadlinesMet),
				Column.<AgencyRankingEntry>of("Возвращено на доработку", INTEGER, 10, AgencyRankingEntry::returnedForRework),
				Column.<AgencyRankingEntry>of("Проверено ответов", INTEGER, 10, AgencyRankingEntry::reviewedAnswers),
				Column.<AgencyRankingEntry>of("Доля возвратов", SHARE, 12, AgencyRankingEntry::returnedForReworkShare),
				Column.<AgencyRankingEntry>of("Скорость (0–100)", DECIMAL, 10, AgencyRankingEntry::speedScore),
				Column.<AgencyRankingEntry>of("Сроки (0–100)", DECIMAL, 10, AgencyRankingEntry::deadlineScore),
				Column.<AgencyRankingEntry>of("Качество (0–100)", DECIMAL, 10, AgencyRankingEntry::qualityScore)),
				Flux.fromIterable(entries)));
	}

	/** A headline figure: its name and its value with the value's own kind. */
	record Figure(String name, CellKind.Typed value) {

		static Figure of(String name, @Nullable Object value, CellKind kind) {
			return new Figure(name, new CellKind.Typed(value, kind));
		}

	}

	static Sheet<Figure> figures(StatsFigures f, ResolvedPeriod period, String scope) {
		List<Figure> rows = new ArrayList<>();
		rows.add(Figure.of("Кто", scope, LABEL));
		rows.add(Figure.of("Период", DAY.format(period.fromDate()) + " – " + DAY.format(period.toDate()), LABEL));
		rows.add(Figure.of("Часовой пояс", period.timeZone(), LABEL));
		rows.add(Figure.of("Поступило", f.received(), INTEGER));
		rows.add(Figure.of("Отвечено (итоговый ответ утверждён)", f.answered(), INTEGER));
		rows.add(Figure.of("Открыто сейчас", f.open(), INTEGER));
		rows.add(Figure.of("Просрочено сейчас", f.overdueNow(), INTEGER));
		duration(rows, "Первый ответ", f.firstResponse());
		duration(rows, "Итоговый ответ", f.finalAnswer());
		rows.add(Figure.of("Первые ответы в срок", f.firstResponseWithinSla(), SHARE));
		rows.add(Figure.of("Итоговые ответы в срок", f.finalAnswerWithinSla(), SHARE));
		rows.add(Figure.of("Переадресаций", f.redirects(), INTEGER));
		rows.add(Figure.of("Возвращено на доработку", f.returnedForRework(), INTEGER));
		rows.add(Figure.of("Отклонено как не обращение", f.rejected(), INTEGER));
		return new Sheet<>("Показатели", List.of(Column.<Figure>of("Показатель", LABEL, 48, Figure::name),
				Column.<Figure>of("Значение", TYPED, 24, Figure::value)), Flux.fromIterable(rows));
	}

	private static void duration(List<Figure> rows, String clock, DurationStats d) {
		rows.add(Figure.of(clock + ": измерено", d.count(), INTEGER));
		rows.add(Figure.of(clock + ": медиана, рабочее время (ч:мм)", d.medianBusinessSeconds(), DURATION));
		rows.add(Figure.of(clock + ": 90-й процентиль, рабочее время (ч:мм)", d.p90BusinessSeconds(), DURATION));
		rows.add(Figure.of(clock + ": медиана, календарное время (ч:мм)", d.medianCalendarSeconds(), DURATION));
		rows.add(Figure.of(clock + ": 90-й процентиль, календарное время (ч:мм)", d.p90CalendarSeconds(), DURATION));
	}

	static Sheet<ChannelStats> channels(List<ChannelStats> rows) {
		return new Sheet<>("По каналам", List.of(Column.<ChannelStats>of("Канал", LABEL, 20, r -> Labels.channel(r.channel())),
				Column.<ChannelStats>of("Поступило", INTEGER, 11, ChannelStats::received),
				Column.<ChannelStats>of("Отвечено", INTEGER, 11, ChannelStats::answered),
				Column.<ChannelStats>of("Просрочено сейчас", INTEGER, 11, ChannelStats::overdueNow)), Flux.fromIterable(rows));
	}

	static Sheet<CategoryStats> categories(List<CategoryStats> rows) {
		return new Sheet<>("По категориям", List.of(
				Column.<CategoryStats>of("Категория", LABEL, 22, r -> Labels.category(r.category())),
				Column.<CategoryStats>of("Поступило", INTEGER, 11, CategoryStats::received),
				Column.<CategoryStats>of("Отвечено", INTEGER, 11, CategoryStats::answered),
				Column.<CategoryStats>of("Просрочено сейчас", INTEGER, 11, CategoryStats::overdueNow)),
				Flux.fromIterable(rows));
	}

	static Sheet<MunicipalityStats> municipalities(List<MunicipalityStats> rows) {
		return new Sheet<>("По муниципалитетам", List.of(
				Column.<MunicipalityStats>of("Муниципалитет", LABEL, 32,
						r -> (r.municipality() != null) ? Labels.municipality(r.municipality()) : "Не указан"),
				Column.<MunicipalityStats>of("Поступило", INTEGER, 11, MunicipalityStats::received),
				Column.<MunicipalityStats>of("Отвечено", INTEGER, 11, MunicipalityStats::answered),
				Column.<MunicipalityStats>of("Просрочено сейчас", INTEGER, 11, MunicipalityStats::overdueNow)),
				Flux.fromIterable(rows));
	}

	static Sheet<AgencyBreakdownStats> agencies(List<AgencyBreakdownStats> rows) {
		return new Sheet<>("По ведомствам", List.of(
				Column.<AgencyBreakdownStats>of("Ведомство", LABEL, 36,
						r -> (r.agency() != null) ? r.agency().name() : "Не назначено"),
				Column.<AgencyBreakdownStats>of("Поступило", INTEGER, 11, AgencyBreakdownStats::received),
				Column.<AgencyBreakdownStats>of("Отвечено", INTEGER, 11, AgencyBreakdownStats::answered),
				Column.<AgencyBreakdownStats>of("Просрочено сейчас", INTEGER, 11, AgencyBreakdownStats::overdueNow)),
				Flux.fromIterable(rows));
	}

	static Sheet<DayStats> trend(List<DayStats> rows) {
		return new Sheet<>("По дням", List.of(Column.<DayStats>of("Дата", DATE, 12, DayStats::date),
				Column.<DayStats>of("Поступило", INTEGER, 11, DayStats::received),
				Column.<DayStats>of("Отвечено", INTEGER, 11, DayStats::answered)), Flux.fromIterable(rows));
	}

	private static @Nullable String unrated(AgencyRankingEntry.@Nullable UnratedReason reason) {
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case TOO_FEW_APPEALS -> "мало обращений";
			case NOTHING_MEASURED -> "нечего оценивать";
		};
	}

}
