package org.otklik.citizen;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Answer;
import org.otklik.appeal.AnswerKind;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealAccess;
import org.otklik.appeal.AppealService;
import org.otklik.appeal.ReviewState;
import org.otklik.citizen.CitizenRating.RatingTask;
import org.otklik.citizen.CitizenRating.RatingTaskState;
import org.otklik.citizen.internal.CitizenStore;
import org.otklik.graphql.Connection;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.stats.Satisfaction;
import org.otklik.stats.SatisfactionSource;
import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The rules of citizens' links and ratings. A link exists for each appeal with a published answer; the page
 * it opens shows only what the citizen was already told. A rating needs a published final answer, is one
 * per appeal, may be changed within the window after it was first given, and a score of 1–2 opens a task
 * for curators. Staff: curators revoke and reissue links and close tasks; heads of the agency and curators
 * read its ratings with comments.
 */
@Service
public class CitizenService implements SatisfactionSource {

	static final int MAX_PAGE = 100;

	static final int NOTE_MAX = 2000;

	private final CitizenStore store;

	private final AppealService appeals;

	private final AppealAccess access;

	private final AgencyService agencies;

	private final CitizenProperties properties;

	private final Clock clock;

	public CitizenService(CitizenStore store, AppealService appeals, AppealAccess access, AgencyService agencies,
			CitizenProperties properties, Clock clock) {
		this.store = store;
		this.appeals = appeals;
		this.access = access;
		this.agencies = agencies;
		this.properties = properties;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- links

	/** Whether an answer has reached the citizen (or is on its way): interim answers as given, final ones once approved. */
	public static boolean published(Answer answer) {
		return answer.review() == ReviewState.NOT_REQUIRED || answer.review() == ReviewState.APPROVED;
	}

	/** Whether the appeal has a published final answer, after which it may be rated. */
	public static boolean finallyAnswered(Appeal appeal) {
		return appeal.answers().stream().anyMatch(a -> a.kind() == AnswerKind.FINAL && a.review() == ReviewState.APPROVED);
	}

	/** The appeal's link, issued now if it has none; empty when it has no published answer yet. */
	public Mono<CitizenLink> ensureLink(Appeal appeal) {
		if (appeal.answers().stream().noneMatch(CitizenService::published)) {
			return Mono.empty();
		}
		return this.store.ensure(appeal.id(), this.clock.instant());
	}

	/**
	 * The full address of the appeal's page for an answer about to be sent, issuing the link if needed;
	 * empty when no public address is configured (a path alone is no use to a citizen).
	 */
	public Mono<String> publicUrl(String appealId) {
		String base = this.properties.base();
		if (base == null) {
			return Mono.empty();
		}
		return this.store.ensure(appealId, this.clock.instant()).map(link -> base + link.path());
	}

	/** The full address of a link, or null without a public address. */
	public @Nullable String url(CitizenLink link) {
		String base = this.properties.base();
		return (base != null) ? base + link.path() : null;
	}

	/** The link in use of an appeal the caller may read: staff only (curators, the agency's heads and executors). */
	public Mono<CitizenLink> link(Caller caller, Appeal appeal) {
		if (!(caller.isCurator() || caller.has(Role.HEAD) || caller.has(Role.EXECUTOR))) {
			return Mono.empty();
		}
		return this.access.canRead(caller, appeal).filter(Boolean::booleanValue).flatMap(ok -> this.store.active(appeal.id()));
	}

	/** Input of {@code revokeCitizenLink}. */
	public record RevokeCitizenLinkInput(String appealId) {
	}

	/** Payload of {@code revokeCitizenLink}. */
	public record RevokeCitizenLinkPayload(@Nullable CitizenLink link, List<UserError> errors) {
	}

	/** Input of {@code issueCitizenLink}. */
	public record IssueCitizenLinkInput(String appealId) {
	}

	/** Payload of {@code issueCitizenLink}. */
	public record IssueCitizenLinkPayload(@Nullable CitizenLink link, List<UserError> errors) {
	}

	public Mono<RevokeCitizenLinkPayload> revoke(Caller caller, RevokeCitizenLinkInput input) {
		caller.requireAny(Role.CURATOR);
		return this.appeals.appeal(caller, input.appealId())
			.flatMap(appeal -> this.store.revoke(appeal.id(), caller.name(), this.clock.instant())
				.map(link -> new RevokeCitizenLinkPayload(link, List.of()))
				.defaultIfEmpty(new RevokeCitizenLinkPayload(null, List.of(UserError.of(UserErrorCode.ILLEGAL_TRANSITION,
						"appealId", "У обращения нет действующей ссылки для жителя")))))
			.defaultIfEmpty(new RevokeCitizenLinkPayload(null, List.of(UserError.notFound("appealId"))));
	}

	/** Issues a new link (after a revocation); refused while one is in use or before any answer is published. */
	public Mono<IssueCitizenLinkPayload> issue(Caller caller, IssueCitizenLinkInput input) {
		caller.requireAny(Role.CURATOR);
		return this.appeals.appeal(caller, input.appealId())
			.flatMap(appeal -> this.store.active(appeal.id())
				.map(existing -> new IssueCitizenLinkPayload(existing, List.of(UserError.of(UserErrorCode.NO_CHANGE,
						"appealId", "Ссылка уже действует; чтобы выдать новую, сначала отзовите эту"))))
				.switchIfEmpty(Mono.defer(() -> ensureLink(appeal).map(link -> new IssueCitizenLinkPayload(link, List.of()))
					.defaultIfEmpty(new IssueCitizenLinkPayload(null, List.of(UserError.of(UserErrorCode.ILLEGAL_TRANSITION,
							"appealId", "Жителю ещё не опубликован ни один ответ: ссылку выдать нельзя")))))))
			.defaultIfEmpty(new IssueCitizenLinkPayload(null, List.of(UserError.notFound("appealId"))));
	}

	// ---------------------------------------------------------------- the page

	/** What the public page needs: the link, the appeal, its rating; empty for an unknown token. */
	public record PageData(CitizenLink link, @Nullable Appeal appeal, @Nullable CitizenRating rating,
			org.otklik.agency.@Nullable Agency agency) {
	}

	public Mono<PageData> page(String token) {
		return this.store.byToken(token).flatMap(link -> {
			if (!link.active()) {
				return Mono.just(new PageData(link, null, null, null));
			}
			return this.appeals.appeal(Caller.SYSTEM, link.appealId())
				.flatMap(appeal -> Mono.zip(this.store.rating(appeal.id()).map(java.util.Optional::of)
					.defaultIfEmpty(java.util.Optional.empty()),
						(appeal.agencyId() != null) ? this.agencies.byId(appeal.agencyId()).map(java.util.Optional::of)
							.defaultIfEmpty(java.util.Optional.empty()) : Mono.just(java.util.Optional.<org.otklik.agency.Agency>empty()))
					.map(both -> new PageData(link, appeal, both.getT1().orElse(null), both.getT2().orElse(null))));
		});
	}

	/** How a rating post ended. */
	public enum RateOutcome {
		/** Stored as the appeal's first rating. */
		RATED,
		/** Replaced the earlier rating within the window. */
		CHANGED,
		/** The score is not 1–5. */
		BAD_SCORE,
		/** The comment is too long. */
		TOO_LONG,
		/** No published final answer yet. */
		NOT_YET,
		/** The change window is over. */
		WINDOW_CLOSED,
		/** The link is unknown or revoked. */
		GONE
	}

	/** A citizen's rating through the link. */
	public Mono<RateOutcome> rate(String token, @Nullable String scoreText, @Nullable String commentText) {
		int score;
		try {
			score = Integer.parseInt(scoreText == null ? "" : scoreText.trim());
		}
		catch (NumberFormatException ex) {
			return Mono.just(RateOutcome.BAD_SCORE);
		}
		if (score < 1 || score > 5) {
			return Mono.just(RateOutcome.BAD_SCORE);
		}
		String comment = (commentText == null || commentText.isBlank()) ? null : commentText.strip();
		if (comment != null && comment.codePointCount(0, comment.length()) > this.properties.commentMax()) {
			return Mono.just(RateOutcome.TOO_LONG);
		}
		return page(token).flatMap(data -> {
			Appeal appeal = data.appeal();
			if (appeal == null) {
				return Mono.just(RateOutcome.GONE);
			}
			if (!finallyAnswered(appeal) || appeal.agencyId() == null) {
				return Mono.just(RateOutcome.NOT_YET);
			}
			Instant now = this.clock.instant();
			RatingTask task = (score <= CitizenRating.LOW) ? new RatingTask(RatingTaskState.OPEN, now, null, null, null) : null;
			CitizenRating first = new CitizenRating(appeal.id(), appeal.agencyId(), appeal.number(), score, comment, now, null,
					task);
			return this.store.insertRating(first)
				.map(stored -> RateOutcome.RATED)
				.switchIfEmpty(Mono.defer(() -> this.store
					.changeRating(appeal.id(), score, comment, now, now.minus(this.properties.changeWindow()))
					.map(changed -> RateOutcome.CHANGED)
					.defaultIfEmpty(RateOutcome.WINDOW_CLOSED)));
		}).defaultIfEmpty(RateOutcome.GONE);
	}

	/** Until when a rating may be changed. */
	public Instant changeableUntil(CitizenRating rating) {
		return rating.ratedAt().plus(this.properties.changeWindow());
	}

	public boolean changeable(CitizenRating rating) {
		return this.clock.instant().isBefore(changeableUntil(rating));
	}

	// ---------------------------------------------------------------- staff

	/** An agency's ratings with comments, newest first: curators and the agency's heads. */
	public Mono<Connection<CitizenRating>> agencyRatings(Caller caller, String agencyId, @Nullable Integer first,
			@Nullable String after) {
		return Mono.defer(() -> {
			caller.requireAny(Role.CURATOR, Role.HEAD);
			Mono<Boolean> allowed = caller.isCurator() ? Mono.just(true)
					: this.agencies.agencyIdOf(caller).map(own -> own.equals(agencyId)).defaultIfEmpty(false);
			int size = size(first);
			String[] cursor = cursor(after, "r1:");
			return allowed.flatMap(ok -> {
				if (!ok) {
					return Mono.error(new AccessDeniedException("Ratings of another agency"));
				}
				Instant at = (cursor != null) ? Instant.ofEpochMilli(Long.parseLong(cursor[0])) : null;
				return this.store.agencyRatings(agencyId, at, (cursor != null) ? cursor[1] : null, size + 1)
					.map(found -> connection(found, size, r -> "r1:" + r.ratedAt().toEpochMilli() + ":" + r.id()));
			});
		});
	}

	/** Tasks opened by low ratings, oldest first: curators only. */
	public Mono<Connection<CitizenRating>> ratingTasks(Caller caller, @Nullable RatingTaskState state,
			@Nullable Integer first, @Nullable String after) {
		return Mono.defer(() -> {
			caller.requireAny(Role.CURATOR);
			int size = size(first);
			String[] cursor = cursor(after, "t1:");
			Instant at = (cursor != null) ? Instant.ofEpochMilli(Long.parseLong(cursor[0])) : null;
			return this.store.tasks((state != null) ? state : RatingTaskState.OPEN, at, (cursor != null) ? cursor[1] : null,
					size + 1)
				.map(found -> connection(found, size, r -> "t1:" + r.task().openedAt().toEpochMilli() + ":" + r.id()));
		});
	}

	/** Input of {@code closeRatingTask}; the task's id is its appeal's. */
	public record CloseRatingTaskInput(String taskId, @Nullable String note) {
	}

	/** Payload of {@code closeRatingTask}. */
	public record CloseRatingTaskPayload(@Nullable CitizenRating task, List<UserError> errors) {
	}

	public Mono<CloseRatingTaskPayload> closeTask(Caller caller, CloseRatingTaskInput input) {
		caller.requireAny(Role.CURATOR);
		String note = (input.note() == null || input.note().isBlank()) ? null : input.note().strip();
		if (note != null && note.length() > NOTE_MAX) {
			return Mono.just(new CloseRatingTaskPayload(null,
					List.of(UserError.of(UserErrorCode.TOO_LONG, "note", "Заметка длиннее " + NOTE_MAX + " символов"))));
		}
		return this.store.rating(input.taskId())
			.filter(rating -> rating.task() != null)
			.flatMap(rating -> this.store.closeTask(rating.id(), caller.name(), note, this.clock.instant())
				.map(closed -> new CloseRatingTaskPayload(closed, List.of()))
				.defaultIfEmpty(new CloseRatingTaskPayload(rating, List.of(UserError.of(UserErrorCode.ILLEGAL_TRANSITION,
						"taskId", "Задача уже закрыта")))))
			.defaultIfEmpty(new CloseRatingTaskPayload(null, List.of(UserError.notFound("taskId"))));
	}

	// ---------------------------------------------------------------- figures

	@Override
	public Mono<Map<String, Satisfaction>> byAgency(Instant from, Instant to) {
		return this.store.ratedBetween(null, from, to).collectList().map(ratings -> {
			Map<String, int[]> sums = new HashMap<>();
			for (CitizenRating rating : ratings) {
				int[] sum = sums.computeIfAbsent(rating.agencyId(), k -> new int[3]);
				sum[0]++;
				sum[1] += (rating.score() >= 4) ? 1 : 0;
				sum[2] += rating.score();
			}
			Map<String, Satisfaction> result = new HashMap<>();
			sums.forEach((agency, sum) -> result.put(agency, new Satisfaction(sum[0], sum[1], sum[2])));
			return result;
		});
	}

	/** One agency's satisfaction in a period (the caller was checked by the figures it belongs to). */
	public Mono<Satisfaction> satisfaction(String agencyId, Instant from, Instant to) {
		return byAgency(from, to).map(all -> all.getOrDefault(agencyId, Satisfaction.NONE));
	}

	// ---------------------------------------------------------------- paging

	private static int size(@Nullable Integer first) {
		int size = (first != null) ? first : 20;
		if (size < 0 || size > MAX_PAGE) {
			throw OtklikException.invalidArgument("first must be between 0 and " + MAX_PAGE);
		}
		return size;
	}

	private static String @Nullable [] cursor(@Nullable String after, String prefix) {
		if (after == null || after.isBlank()) {
			return null;
		}
		String raw = Cursors.decode(after);
		String[] parts = raw.startsWith(prefix) ? raw.substring(prefix.length()).split(":", 2) : new String[0];
		if (parts.length != 2 || !parts[0].matches("\\d{1,15}")) {
			throw new OtklikException(ErrorDetail.INVALID_CURSOR, "Неверный курсор");
		}
		return parts;
	}

	private static <T> Connection<T> connection(List<T> found, int size, Function<T, String> cursor) {
		boolean more = found.size() > size;
		List<Connection.Edge<T>> edges = new ArrayList<>();
		for (T item : more ? found.subList(0, size) : found) {
			edges.add(new Connection.Edge<>(Cursors.encode(cursor.apply(item)), item));
		}
		return new Connection<>(edges, new Connection.PageInfo(more, false, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
	}

	static final Comparator<CitizenRating> NEWEST = Comparator.comparing(CitizenRating::ratedAt).reversed();

}
