package org.otklik.appeal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.otklik.quality.QualityRule;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import reactor.core.publisher.Mono;

/**
 * The read port through which the figures ({@code stats}) see appeals: typed tallies counted by the
 * database, so that no other feature names a field of the appeal document.
 */
public interface AppealFigures {

	/**
	 * Tallies one scope for a period.
	 *
	 * @param agencyId the agency whose appeals count, or null for the whole region
	 * @param now the moment «open now» and «overdue now» refer to
	 * @param perAgency whether clocks, events and open counts are kept per agency (for the ranking)
	 */
	Mono<Tally> tally(String agencyId, Period period, Instant now, boolean perAgency);

	/** Answers submitted in a period and the coach's findings on them, grouped by the database. */
	Mono<AnswerTally> answers(String agencyId, Period period);

	/**
	 * A period of local days in a zone.
	 *
	 * @param from start, inclusive
	 * @param to end, exclusive
	 */
	record Period(Instant from, Instant to, LocalDate fromDate, LocalDate toDate, ZoneId zone) {
	}

	/**
	 * What the figures aggregation returns. Agency keys are null for appeals not yet routed, and for
	 * everything when the tally was not taken per agency.
	 *
	 * @param buckets counts per (channel, category, municipality, agency)
	 * @param openByAgency appeals open now
	 * @param days appeals received and answered per local day of the period (every day present)
	 * @param firstResponse the first-response clock per agency
	 * @param finalAnswer the final-answer clock per agency
	 * @param events history entries of the period, attributed to an agency (a redirect to the agency it left)
	 */
	record Tally(List<Bucket> buckets, Map<String, Integer> openByAgency, List<Day> days,
			Map<String, ClockTally> firstResponse, Map<String, ClockTally> finalAnswer, List<EventCount> events) {
	}

	/** Counts of one breakdown bucket; any key may be null. */
	record Bucket(Channel channel, Category category, Municipality municipality, String agencyId, int received,
			int answered, int overdueNow) {
	}

	/** Appeals received and answered on one local day. */
	record Day(LocalDate date, int received, int answered) {
	}

	/**
	 * One SLA clock of one agency (or of the whole scope).
	 *
	 * @param businessSeconds working time of every clock met in the period, ascending
	 * @param calendarSeconds calendar time of every clock met in the period, ascending
	 * @param onTime met in the period on time
	 * @param late met in the period late
	 * @param missed fell due in the period (before now) and still not met
	 */
	record ClockTally(List<Long> businessSeconds, List<Long> calendarSeconds, int onTime, int late, int missed) {

		public static final ClockTally NONE = new ClockTally(List.of(), List.of(), 0, 0, 0);

	}

	/** History entries of one type attributed to one agency. */
	record EventCount(AppealEventType type, String agencyId, int count) {
	}

	/** Answers per author and local day, and findings per answer and rule. */
	record AnswerTally(List<AnswerGroup> answers, List<FindingGroup> findings) {
	}

	/** The answers one author submitted on one local day, with the sum of their scores. */
	record AnswerGroup(Person author, LocalDate day, int answers, long scoreSum, int scored) {
	}

	/** One rule the coach found in one answer, with the fragments it marked. */
	record FindingGroup(String answerId, QualityRule rule, Person author, LocalDate day, List<String> fragments) {
	}

}
