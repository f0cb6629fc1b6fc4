package org.otklik.note;

import java.util.List;
import java.util.Map;

import org.otklik.appeal.Appeal;
import org.otklik.note.AppealNoteService.AddAppealNoteInput;
import org.otklik.note.AppealNoteService.AddAppealNotePayload;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of internal notes. */
@Controller
class AppealNoteController {

	private final AppealNoteService notes;

	private final CallerResolver callers;

	AppealNoteController(AppealNoteService notes, CallerResolver callers) {
		this.notes = notes;
		this.callers = callers;
	}

	@MutationMapping
	Mono<AddAppealNotePayload> addAppealNote(@Argument AddAppealNoteInput input) {
		return this.callers.current().flatMap(caller -> this.notes.add(caller, input));
	}

	/** The notes of a page of appeals in one query. */
	@BatchMapping(typeName = "Appeal")
	Mono<Map<Appeal, List<AppealNote>>> notes(List<Appeal> appeals) {
		return this.callers.current().flatMap(caller -> this.notes.notes(caller, appeals));
	}

}
