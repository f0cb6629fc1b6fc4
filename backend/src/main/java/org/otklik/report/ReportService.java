package org.otklik.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.AppealExport;
import org.otklik.appeal.AppealRow;
import org.otklik.audit.AuditAction;
import org.otklik.audit.AuditService;
import org.otklik.graphql.OtklikException;
import org.otklik.report.internal.AppealColumns;
import org.otklik.report.internal.CsvStream;
import org.otklik.report.internal.FigureSheets;
import org.otklik.report.internal.Sheet;
import org.otklik.report.internal.XlsxStream;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.sla.SlaProperties;
import org.otklik.stats.StatsPeriodInput;
import org.otklik.stats.StatsService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Builds reports with the API's rules: the appeal list through the appeal module's export port (same scope,
 * same masking of personal data as {@code Appeal.author}), the figures through {@link StatsService} (same
 * role checks). Every report is written to the audit log before its first byte is sent.
 */
@Service
public class ReportService {

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final AppealExport appeals;

	private final AgencyService agencies;

	private final StatsService stats;

	private final AuditService audit;

	private final ZoneId zone;

	private final Clock clock;

	private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

	public ReportService(AppealExport appeals, AgencyService agencies, StatsService stats, AuditService audit,
			SlaProperties sla, Clock clock) {
		this.appeals = appeals;
		this.agencies = agencies;
		this.stats = stats;
		this.audit = audit;
		this.zone = sla.zone();
		this.clock = clock;
	}

	/**
	 * The appeals the caller may read that match the request, as a file streamed from the database. An
	 * executor or head who asks for another agency's appeals is refused (the list query would return none).
	 */
	public Mono<ReportFile> appeals(Caller caller, AppealReportRequest request, ReportFormat format) {
		return Mono.defer(() -> {
			caller.requireAny(Role.values());
			return ownAgencyOnly(caller, request.filter().agencyId())
				.then(this.agencies.agencies(caller, true).collectMap(Agency::id))
				.flatMap(known -> {
					Flux<AppealRow> rows = this.appeals.rows(caller, request.filter(), request.order(),
							request.slaState());
					Sheet<?> sheet = new Sheet<>("Обращения", AppealColumns.of(known), rows);
					String personalData = (caller.isCurator() || caller.has(Role.EXECUTOR) || caller.has(Role.INTEGRATOR))
							? "personalData=as-api" : "personalData=none";
					return record(caller, "appeals." + format.extension() + request.describe() + " " + personalData)
						.thenReturn(new ReportFile(fileName("obrashcheniya", format), format, encode(List.of(sheet), format)));
				});
		});
	}

	/** One agency's figures; the agency defaults to the caller's own. */
	public Mono<ReportFile> agencyStats(Caller caller, @Nullable String agencyId, StatsPeriodInput period,
			ReportFormat format) {
		Mono<String> agency = (agencyId != null && !agencyId.isBlank()) ? Mono.just(agencyId)
				: this.agencies.agencyIdOf(caller)
					.switchIfEmpty(Mono.error(() -> OtklikException.invalidArgument("Укажите ведомство (agencyId)")));
		return agency.flatMap(id -> this.stats.agencyStats(caller, id, period))
			.flatMap(result -> figures(caller, "agency-stats agencyId=" + result.agency().id() + " " + describe(period),
					fileName("pokazateli-vedomstva", format), format, FigureSheets.agency(result)));
	}

	/** The region's figures, for curators. */
	public Mono<ReportFile> regionStats(Caller caller, StatsPeriodInput period, ReportFormat format) {
		return this.stats.regionStats(caller, period)
			.flatMap(result -> figures(caller, "region-stats " + describe(period), fileName("pokazateli-regiona", format),
					format, FigureSheets.region(result)));
	}

	/** The ranking of agencies, for staff. */
	public Mono<ReportFile> agencyRanking(Caller caller, StatsPeriodInput period, ReportFormat format) {
		return this.stats.agencyRanking(caller, period)
			.flatMap(result -> figures(caller, "agency-ranking " + describe(period), fileName("reyting-vedomstv", format),
					format, FigureSheets.ranking(result)));
	}

	private Mono<ReportFile> figures(Caller caller, String what, String fileName, ReportFormat format,
			List<Sheet<?>> sheets) {
		return record(caller, what.replaceFirst(" ", "." + format.extension() + " "))
			.thenReturn(new ReportFile(fileName, format, encode(sheets, format)));
	}

	private Mono<Void> ownAgencyOnly(Caller caller, @Nullable String agencyId) {
		if (agencyId == null || caller.isCurator() || !(caller.has(Role.EXECUTOR) || caller.has(Role.HEAD))) {
			return Mono.empty();
		}
		return this.agencies.agencyIdOf(caller)
			.filter(agencyId::equals)
			.switchIfEmpty(Mono.error(() -> new AccessDeniedException("Report of another agency")))
			.then();
	}

	private Mono<Void> record(Caller caller, String detail) {
		return this.audit.record(caller, AuditAction.REPORT_EXPORTED, null, detail);
	}

	private Flux<DataBuffer> encode(List<Sheet<?>> sheets, ReportFormat format) {
		Function<List<Sheet<?>>, Flux<DataBuffer>> encoder = switch (format) {
			case XLSX -> s -> XlsxStream.write(s, this.zone, this.buffers);
			case CSV -> s -> CsvStream.write(s, this.zone, this.buffers);
		};
		return encoder.apply(sheets);
	}

	private String fileName(String stem, ReportFormat format) {
		return "otklik-" + stem + "-" + FILE_DATE.format(LocalDate.now(this.clock.withZone(this.zone))) + "."
				+ format.extension();
	}

	private static String describe(StatsPeriodInput period) {
		return "period=" + period.kind() + ((period.date() != null) ? " date=" + period.date() : "")
				+ ((period.from() != null) ? " from=" + period.from() : "") + ((period.to() != null) ? " to=" + period.to() : "");
	}

}
