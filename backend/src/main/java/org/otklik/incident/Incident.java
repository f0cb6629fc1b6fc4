package org.otklik.incident;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AnswerKind;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Appeals about one problem in one place within a few days, kept in the incident feature's own collection:
 * it names member appeals by id and never copies or writes the appeal document.
 *
 * @param version grows with every change; writers guard on it
 * @param topics the topics (concepts such as {@code power}) its first appeals shared; new appeals on one of
 *               them join without further text similarity
 * @param members the appeals in it, oldest first, each with the agency responsible for it (kept up to date
 *                from the event stream, so executors and heads are scoped without reading appeals)
 * @param replies answers published to every member with {@code answerIncident}
 * @param mergedIntoId where a {@link IncidentStatus#MERGED} incident's appeals went
 */
@Document(Incident.COLLECTION)
public record Incident(@Id String id, long version, String title, Category category,
		@Nullable Municipality municipality, @Nullable String settlement, IncidentStatus status, List<String> topics,
		List<Member> members, Instant firstAt, Instant lastAt, Instant createdAt, Instant updatedAt,
		@Nullable String confirmedBy, @Nullable String mergedIntoId, List<Reply> replies) {

	public static final String COLLECTION = "incidents";

	public Incident {
		topics = (topics != null) ? List.copyOf(topics) : List.of();
		members = (members != null) ? List.copyOf(members) : List.of();
		replies = (replies != null) ? List.copyOf(replies) : List.of();
	}

	/** How many appeals it holds. */
	public int size() {
		return this.members.size();
	}

	public List<String> appealIds() {
		return this.members.stream().map(Member::appealId).toList();
	}

	public boolean contains(String appealId) {
		return this.members.stream().anyMatch(m -> m.appealId().equals(appealId));
	}

	/**
	 * One appeal in an incident.
	 *
	 * @param at when the appeal was received
	 * @param agencyId the agency responsible for it now
	 * @param addedBy "auto" for grouping, otherwise the curator's id
	 * @param score the similarity that brought it in (1 for curators' moves)
	 */
	public record Member(String appealId, Instant at, @Nullable String agencyId, String addedBy, double score) {
	}

	/**
	 * An answer given to the whole incident.
	 *
	 * @param key the idempotency key: the same key never answers a member twice
	 */
	public record Reply(String key, AnswerKind kind, String text, String authorId, String authorName, Instant at) {
	}

}
