package org.otklik.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.AppealFigures;
import org.otklik.appeal.Channel;
import org.otklik.graphql.OtklikException;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.sla.SlaProperties;
import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;


/**
 * The figures agencies and their heads are rated on. Who may see what is decided here: curators see every
 * agency and the region, heads and executors their own agency, all staff the ranking; integrators nothing.
 */
@Service
public class StatsService {

	private final AppealFigures figures;

	private final AgencyService agencies;

	private final StatsProperties properties;

	private final ZoneId zone;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<SatisfactionSource> satisfaction;

	public StatsService(AppealFigures figures, AgencyService agencies, StatsProperties properties,
			SlaProperties sla, Clock clock,
			org.springframework.beans.factory.ObjectProvider<SatisfactionSource> satisfaction) {
		this.satisfaction = satisfaction;
		this.figures = figures;
		this.agencies = agencies;
		this.properties = properties;
		this.zone = sla.zone();
		this.clock = clock;
	}

	/** One agency's figures: curators for any agency, heads and executors for their own only. */
	public Mono<AgencyStats> agencyStats(Caller caller, String agencyId, StatsPeriodInput input) {
		return Mono.defer(() -> {
			caller.requireAny(Role.CURATOR, Role.HEAD, Role.EXECUTOR);
			Mono<Boolean> allowed = caller.isCurator() ? Mono.just(true)
					: this.agencies.agencyIdOf(caller).map(own -> own.equals(agencyId)).defaultIfEmpty(false);
			return allowed.flatMap(ok -> {
				if (!ok) {
					return Mono.error(new AccessDeniedException("Statistics of another agency"));
				}
				ResolvedPeriod period = resolve(input);
				return this.agencies.byId(agencyId)
					.switchIfEmpty(Mono.error(() -> OtklikException.invalidArgument("Ведомство не найдено")))
					.flatMap(agency -> tally(agency.id(), period, this.clock.instant(), false)
						.map(tally -> new AgencyStats(agency, period, tally.figures(), byChannel(tally),
								byCategory(tally), byMunicipality(tally), trend(tally))));
			});
		});
	}

	/** The region's figures, for the ЦУР only. */
	public Mono<RegionStats> regionStats(Caller caller, StatsPeriodInput input) {
		return Mono.defer(() -> {
			caller.requireAny(Role.CURATOR);
			ResolvedPeriod period = resolve(input);
			return tally(null, period, this.clock.instant(), false)
				.flatMap(tally -> byAgency(tally).map(byAgency -> new RegionStats(period, tally.figures(),
						byChannel(tally), byCategory(tally), byMunicipality(tally), byAgency, trend(tally))));
		});
	}

	/** The ranking of agencies: public within the staff (curators, heads, executors). */
	public Mono<AgencyRanking> agencyRanking(Caller caller, StatsPeriodInput input) {
		return Mono.defer(() -> {
			caller.requireAny(Role.CURATOR, Role.HEAD, Role.EXECUTOR);
			ResolvedPeriod period = resolve(input);
			Instant now = this.clock.instant();
			SatisfactionSource ratings = this.satisfaction.getIfAvailable();
			Mono<java.util.Map<String, Satisfaction>> satisfied = (ratings != null)
					? ratings.byAgency(period.from(), period.to()) : Mono.just(java.util.Map.of());
			return Mono.zip(tally(null, period, now, true),
					this.agencies.agencies(caller, true).collectList(), satisfied)
				.map(all -> RankingFormula.rank(period, all.getT2(), all.getT1(), this.properties, all.getT3()));
		});
	}

	private Mono<StatsTally> tally(String agencyId, ResolvedPeriod period, Instant now, boolean perAgency) {
		return this.figures.tally(agencyId, period.forFigures(), now, perAgency).map(StatsTally::of);
	}

	ResolvedPeriod resolve(StatsPeriodInput input) {
		return ResolvedPeriod.resolve(input, LocalDate.now(this.clock.withZone(this.zone)), this.zone);
	}

	// ---------------------------------------------------------------- breakdowns

	static List<ChannelStats> byChannel(StatsTally tally) {
		return rows(Channel.values(), sum(tally, StatsTally.Bucket::channel),
				(channel, c) -> new ChannelStats(channel, c.received, c.answered, c.overdueNow));
	}

	static List<CategoryStats> byCategory(StatsTally tally) {
		return rows(Category.values(), sum(tally, StatsTally.Bucket::category),
				(category, c) -> new CategoryStats(category, c.received, c.answered, c.overdueNow));
	}

	/** One row for every value of a breakdown, in the enum's order, zeros where nothing happened. */
	private static <K, R> List<R> rows(K[] keys, Map<K, StatsTally.Counts> sums,
			java.util.function.BiFunction<K, StatsTally.Counts, R> row) {
		List<R> rows = new ArrayList<>();
		for (K key : keys) {
			rows.add(row.apply(key, sums.getOrDefault(key, new StatsTally.Counts())));
		}
		return rows;
	}

	/** Every municipality in order, then appeals with no known municipality when there are any. */
	static List<MunicipalityStats> byMunicipality(StatsTally tally) {
		Map<Municipality, StatsTally.Counts> sums = sum(tally, StatsTally.Bucket::municipality);
		List<MunicipalityStats> rows = new ArrayList<>(rows(Municipality.values(), sums,
				(municipality, c) -> new MunicipalityStats(municipality, c.received, c.answered, c.overdueNow)));
		StatsTally.Counts unknown = sums.get(null);
		if (unknown != null) {
			rows.add(new MunicipalityStats(null, unknown.received, unknown.answered, unknown.overdueNow));
		}
		return rows;
	}

	/** Agencies with any figure, most received first; appeals not yet routed last, under a null agency. */
	Mono<List<AgencyBreakdownStats>> byAgency(StatsTally tally) {
		Map<String, StatsTally.Counts> sums = sum(tally, StatsTally.Bucket::agencyId);
		return this.agencies.byIds(sums.keySet()).map(known -> {
			List<AgencyBreakdownStats> rows = new ArrayList<>();
			sums.forEach((id, c) -> {
				if (id != null && known.containsKey(id)) {
					rows.add(new AgencyBreakdownStats(known.get(id), c.received, c.answered, c.overdueNow));
				}
			});
			rows.sort(Comparator.comparingInt(AgencyBreakdownStats::received).reversed()
				.thenComparing(r -> r.agency().name()));
			// Unrouted appeals, and any whose agency was deleted, are shown together rather than dropped.
			StatsTally.Counts rest = new StatsTally.Counts();
			sums.forEach((id, c) -> {
				if (id == null || !known.containsKey(id)) {
					rest.add(c);
				}
			});
			if (rest.received + rest.answered + rest.overdueNow > 0) {
				rows.add(new AgencyBreakdownStats(null, rest.received, rest.answered, rest.overdueNow));
			}
			return rows;
		});
	}

	static List<DayStats> trend(StatsTally tally) {
		return tally.days.entrySet()
			.stream()
			.map(day -> new DayStats(day.getKey(), day.getValue()[0], day.getValue()[1]))
			.toList();
	}

	private static <K> Map<K, StatsTally.Counts> sum(StatsTally tally, Function<StatsTally.Bucket, K> key) {
		Map<K, StatsTally.Counts> sums = new LinkedHashMap<>();
		tally.buckets.forEach((bucket, counts) -> sums.computeIfAbsent(key.apply(bucket), k -> new StatsTally.Counts())
			.add(counts));
		return sums;
	}

}
