package org.otklik.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealInputs.AppealFilter;
import org.otklik.appeal.AppealInputs.AppealSlaState;
import org.otklik.appeal.AppealInputs.AppealOrder;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.graphql.OtklikException;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.security.Caller;
import org.otklik.security.CallerResolver;
import org.otklik.sla.SlaState;
import org.otklik.stats.StatsPeriodInput;
import org.otklik.stats.StatsPeriodKind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports over plain HTTP GET, because a GraphQL response cannot carry a streamed file. The same bearer token
 * as {@code /graphql} authenticates (the security chain guards {@code /api/**}); the parameters mirror the
 * GraphQL arguments; the extension picks the format ({@code .xlsx} or {@code .csv}).
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

	private final ReportService reports;

	private final CallerResolver callers;

	public ReportController(ReportService reports, CallerResolver callers) {
		this.reports = reports;
		this.callers = callers;
	}

	/** The {@code appeals} list: the same criteria as {@code AppealFilter}, plus {@code slaState}. */
	@GetMapping("/appeals.{format}")
	Mono<ResponseEntity<Flux<DataBuffer>>> appeals(@PathVariable String format,
			@RequestParam(name = "status", required = false) @Nullable List<AppealStatus> statuses,
			@RequestParam(required = false) @Nullable String agencyId,
			@RequestParam(required = false) @Nullable Category category,
			@RequestParam(required = false) @Nullable Channel channel,
			@RequestParam(required = false) @Nullable Municipality municipality,
			@RequestParam(required = false) @Nullable Boolean urgent,
			@RequestParam(required = false) @Nullable String receivedFrom,
			@RequestParam(required = false) @Nullable String receivedTo,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable AppealOrder orderBy,
			@RequestParam(required = false) @Nullable SlaState slaState,
			@RequestParam(required = false) @Nullable String number,
			@RequestParam(name = "slaStates", required = false) @Nullable List<AppealSlaState> slaStates,
			@RequestParam(required = false) @Nullable String answeredFrom,
			@RequestParam(required = false) @Nullable String answeredTo) {
		ReportFormat fileFormat = format(format);
		// No search by author here: the appeals query refuses it to those who may not see personal data, and a
		// file of matches would tell them the same thing.
		AppealFilter filter = new AppealFilter(statuses, blankToNull(agencyId), category, channel, municipality, urgent,
				instant("receivedFrom", receivedFrom), instant("receivedTo", receivedTo), blankToNull(text),
				blankToNull(number), slaStates, null, instant("answeredFrom", answeredFrom),
				instant("answeredTo", answeredTo));
		AppealReportRequest request = new AppealReportRequest(filter, orderBy, slaState);
		return this.callers.current()
			.flatMap(caller -> this.reports.appeals(caller, request, fileFormat))
			.map(ReportController::response);
	}

	/** {@code agencyStats} for a period; the agency defaults to the caller's own. */
	@GetMapping("/agency-stats.{format}")
	Mono<ResponseEntity<Flux<DataBuffer>>> agencyStats(@PathVariable String format,
			@RequestParam(required = false) @Nullable String agencyId,
			@RequestParam(name = "period", defaultValue = "MONTH") StatsPeriodKind kind,
			@RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return periodReport(format, kind, date, from, to,
				(caller, period, fileFormat) -> this.reports.agencyStats(caller, blankToNull(agencyId), period, fileFormat));
	}

	/** {@code regionStats} for a period (curators). */
	@GetMapping("/region-stats.{format}")
	Mono<ResponseEntity<Flux<DataBuffer>>> regionStats(@PathVariable String format,
			@RequestParam(name = "period", defaultValue = "MONTH") StatsPeriodKind kind,
			@RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return periodReport(format, kind, date, from, to, this.reports::regionStats);
	}

	/** {@code agencyRanking} for a period (staff). */
	@GetMapping("/agency-ranking.{format}")
	Mono<ResponseEntity<Flux<DataBuffer>>> agencyRanking(@PathVariable String format,
			@RequestParam(name = "period", defaultValue = "MONTH") StatsPeriodKind kind,
			@RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return periodReport(format, kind, date, from, to, this.reports::agencyRanking);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> invalid(OtklikException ex) {
		return ResponseEntity.badRequest().body(Map.of("code", ex.detail().name(), "message", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> forbidden(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(Map.of("code", "FORBIDDEN", "message", "Недостаточно прав для этого отчёта"));
	}

	private static ResponseEntity<Flux<DataBuffer>> response(ReportFile file) {
		return ResponseEntity.ok()
			.contentType(file.format().mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			// Per user and per token: never kept by a shared cache or the service worker.
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.body());
	}

	private static ReportFormat format(String extension) {
		return ReportFormat.fromExtension(extension)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown report format"));
	}

	/**
	 * A figures report over one period: {@code period}, {@code date}, {@code from} and {@code to} mean the same
	 * in each, and a bad format or date is refused before the caller is resolved.
	 */
	private Mono<ResponseEntity<Flux<DataBuffer>>> periodReport(String format, StatsPeriodKind kind,
			@Nullable String date, @Nullable String from, @Nullable String to, PeriodReport report) {
		ReportFormat fileFormat = format(format);
		StatsPeriodInput period = new StatsPeriodInput(kind, localDate("date", date), localDate("from", from),
				localDate("to", to));
		return this.callers.current()
			.flatMap(caller -> report.make(caller, period, fileFormat))
			.map(ReportController::response);
	}

	/** One of the figures reports, made for a caller over a period. */
	@FunctionalInterface
	private interface PeriodReport {

		Mono<ReportFile> make(Caller caller, StatsPeriodInput period, ReportFormat format);

	}

	private static @Nullable Instant instant(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " must be an ISO-8601 instant");
		}
	}

	private static @Nullable LocalDate localDate(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " must be a date (YYYY-MM-DD)");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
