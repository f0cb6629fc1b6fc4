package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.AppealInputs.AppealFilter;
import org.otklik.appeal.AppealInputs.AppealOrder;
import org.otklik.appeal.AppealInputs.ApproveAnswerInput;
import org.otklik.appeal.AppealInputs.AssignAppealInput;
import org.otklik.appeal.AppealInputs.CloseAppealInput;
import org.otklik.appeal.AppealInputs.IngestAppealInput;
import org.otklik.appeal.AppealInputs.RedirectAppealInput;
import org.otklik.appeal.AppealInputs.RejectAppealInput;
import org.otklik.appeal.AppealInputs.ReopenAppealInput;
import org.otklik.appeal.AppealInputs.ReturnAnswerInput;
import org.otklik.appeal.AppealInputs.SubmitAnswerInput;
import org.otklik.appeal.AppealInputs.TakeAppealInput;
import org.otklik.appeal.AppealPayloads.AppealPayload;
import org.otklik.appeal.AppealPayloads.IngestAppealPayload;
import org.otklik.appeal.AppealPayloads.SubmitAnswerPayload;
import org.otklik.graphql.Connection;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of the appeal feature: binds arguments and calls one service method. */
@Controller
public class AppealController {

	/** The DataLoader of agencies by id that appeal fields share within a request. */
	static final String AGENCY_BY_ID = "appeal.agencyById";

	private final AppealService appeals;

	private final AppealSearch search;

	private final AppealAccess access;

	private final AgencyService agencies;

	private final CallerResolver callers;

	private final PersonalDataReads personalData;

	public AppealController(AppealService appeals, AppealSearch search, AppealAccess access, AgencyService agencies,
			CallerResolver callers, PersonalDataReads personalData,
			BatchLoaderRegistry loaders) {
		loaders.<String, Agency>forName(AGENCY_BY_ID).registerMappedBatchLoader((ids, environment) -> agencies.byIds(ids));
		this.personalData = personalData;
		this.appeals = appeals;
		this.search = search;
		this.access = access;
		this.agencies = agencies;
		this.callers = callers;
	}

	@QueryMapping
	Mono<Limits> limits() {
		return this.callers.current().map(this.appeals::limits);
	}

	/** What the caller may do with each appeal of the page, from the lifecycle table (one lookup per page). */
	@BatchMapping(typeName = "Appeal")
	Mono<Map<Appeal, AppealPermissions>> viewerCan(List<Appeal> appeals) {
		return this.callers.current().flatMap(caller -> this.appeals.permissions(caller, appeals));
	}

	/** {@code return} is a Java keyword, so the record calls it {@code returnAnswer}. */
	@SchemaMapping(typeName = "AppealPermissions", field = "return")
	boolean returnAnswer(AppealPermissions can) {
		return can.returnAnswer();
	}

	@QueryMapping
	Mono<Appeal> appeal(@Argument String id) {
		return this.callers.current().flatMap(caller -> this.appeals.appeal(caller, id));
	}

	@QueryMapping
	Mono<Connection<Appeal>> appeals(@Argument @Nullable AppealFilter filter, @Argument @Nullable AppealOrder orderBy, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingFieldSelectionSet selection) {
		List<String> fields = nodeFields(selection);
		return this.callers.current()
			.flatMap(caller -> this.search.appeals(caller, filter, orderBy, first, after, fields));
	}

	/**
	 * The names of the fields selected on the connection's appeals ({@code edges/node/*}); only they decide,
	 * edges' cursors and pageInfo need nothing more. Walked level by level rather than with a glob, which
	 * graphql-java compiles to a regular expression on every call and matches against every selected field.
	 */
	static List<String> nodeFields(DataFetchingFieldSelectionSet selection) {
		List<String> names = new ArrayList<>();
		for (SelectedField edges : selection.getImmediateFields()) {
			if (edges.getName().equals("edges")) {
				for (SelectedField node : edges.getSelectionSet().getImmediateFields()) {
					if (node.getName().equals("node")) {
						for (SelectedField field : node.getSelectionSet().getImmediateFields()) {
							names.add(field.getName());
						}
					}
				}
			}
		}
		return names;
	}

	@MutationMapping
	Mono<IngestAppealPayload> ingestAppeal(@Argument IngestAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.ingest(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> rejectAppeal(@Argument RejectAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.reject(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> assignAppeal(@Argument AssignAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.assign(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> reclassifyAppeal(@Argument AppealInputs.ReclassifyAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.reclassify(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> redirectAppeal(@Argument RedirectAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.redirect(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> takeAppeal(@Argument TakeAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.take(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> reassignAppeal(@Argument AppealInputs.ReassignAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.reassign(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> takeOverAppeal(@Argument AppealInputs.TakeOverAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.takeOver(caller, input));
	}

	@MutationMapping
	Mono<SubmitAnswerPayload> submitAnswer(@Argument SubmitAnswerInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.submitAnswer(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> approveAnswer(@Argument ApproveAnswerInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.approveAnswer(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> returnAnswer(@Argument ReturnAnswerInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.returnAnswer(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> closeAppeal(@Argument CloseAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.close(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> reopenAppeal(@Argument ReopenAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.reopen(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> pauseAppeal(@Argument AppealInputs.PauseAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.pause(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> resumeAppeal(@Argument AppealInputs.ResumeAppealInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.resume(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> extendAppealDeadline(@Argument AppealInputs.ExtendAppealDeadlineInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.extend(caller, input));
	}

	@MutationMapping
	Mono<AppealPayload> markAnswerPublished(@Argument AppealInputs.MarkAnswerPublishedInput input) {
		return this.callers.current().flatMap(caller -> this.appeals.markAnswerPublished(caller, input));
	}

	/** Personal data: masked unless the caller needs it. */
	@SchemaMapping(typeName = "Appeal")
	Mono<Author> author(Appeal appeal) {
		if (appeal.author() == null) {
			return Mono.empty();
		}
		// The read is recorded before the data is shown: no access to personal data goes unrecorded.
		return this.callers.current()
			.flatMap(caller -> this.access.canSeePersonalData(caller, appeal)
				.flatMap(allowed -> allowed
						? this.personalData.record(caller, appeal.id(), "author")
							.thenReturn(appeal.author())
						: Mono.empty()));
	}

	// Appeal.sla and Appeal.agency: AppealFieldFetchers (plain data fetchers, no per-field handler set-up).

	@BatchMapping(typeName = "HistoryEntry")
	Mono<Map<HistoryEntry, Agency>> fromAgency(List<HistoryEntry> entries) {
		return this.agencies.byIds(entries.stream().map(HistoryEntry::fromAgencyId).filter(Objects::nonNull).toList())
			.map(found -> pick(entries, found, HistoryEntry::fromAgencyId));
	}

	@BatchMapping(typeName = "HistoryEntry")
	Mono<Map<HistoryEntry, Agency>> toAgency(List<HistoryEntry> entries) {
		return this.agencies.byIds(entries.stream().map(HistoryEntry::toAgencyId).filter(Objects::nonNull).toList())
			.map(found -> pick(entries, found, HistoryEntry::toAgencyId));
	}

	private static <K> Map<K, Agency> pick(List<K> keys, Map<String, Agency> found,
			java.util.function.Function<K, String> id) {
		Map<K, Agency> result = new LinkedHashMap<>();
		for (K key : keys) {
			Agency agency = found.get(id.apply(key));
			if (agency != null) {
				result.put(key, agency);
			}
		}
		return result;
	}


}
