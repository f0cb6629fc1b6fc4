package org.otklik.incident.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.Settlements;
import org.otklik.incident.Incident;
import org.otklik.incident.IncidentProperties;
import org.otklik.incident.IncidentStatus;
import org.otklik.incident.internal.IncidentStore.SeenAppeal;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.routing.RoutingService;
import org.otklik.routing.RoutingSuggestion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts each new appeal into an incident as it arrives: into the open incident in the same place whose topic
 * it shares or whose appeals it resembles, or into a new incident with the most similar appeal seen in the
 * same place within the window that is in no incident yet. Each decision runs under the store's lease and
 * is recorded per appeal, so a replayed event changes nothing and concurrent intake on several instances
 * makes the same incidents as one instance would. The rule and thresholds are in docs/routing.md.
 */
@Component
public class IncidentGrouping {

	private static final Comparator<Incident.Member> MEMBER_ORDER = Comparator.comparing(Incident.Member::at)
		.thenComparing(Incident.Member::appealId);

	/** Who grouped an appeal automatically. */
	public static final String AUTO = "auto";

	private final IncidentStore store;

	private final RoutingService routing;

	private final IncidentProperties properties;

	private final Clock clock;

	private final Settlements settlements;

	// Lazy: the routing service trains its model at construction.
	IncidentGrouping(IncidentStore store, @Lazy RoutingService routing, IncidentProperties properties, Clock clock,
			@Lazy Settlements settlements) {
		this.store = store;
		this.routing = routing;
		this.properties = properties;
		this.clock = clock;
		this.settlements = settlements;
	}

	/** Groups a newly received appeal; a second call for the same appeal does nothing. */
	public Mono<Void> received(Appeal appeal) {
		return this.store.exclusively(() -> this.store.seen(appeal.id())
			.hasElement()
			.flatMap(done -> done ? Mono.<Void>empty() : group(appeal)));
	}

	/** Keeps the responsible agency of a member appeal current, for scoping executors and heads. */
	public Mono<Void> agencyChanged(String appealId, @Nullable String agencyId) {
		return this.store.exclusively(() -> this.store.agencyOf(appealId, agencyId)
			.thenMany(this.store.holding(List.of(appealId)))
			.concatMap(incident -> {
				List<Incident.Member> members = incident.members()
					.stream()
					.map(m -> m.appealId().equals(appealId)
							? new Incident.Member(m.appealId(), m.at(), agencyId, m.addedBy(), m.score()) : m)
					.toList();
				return this.store.replace(changed(incident, members, incident.status(), incident.title()),
						incident.version());
			})
			.then());
	}

	private Mono<Void> group(Appeal appeal) {
		return this.routing.suggestionOf(appeal).flatMap(suggestion -> group(appeal, suggestion));
	}

	private Mono<Void> group(Appeal appeal, RoutingSuggestion suggestion) {
		Where place = place(appeal, suggestion);
		Municipality municipality = (place != null) ? place.municipality() : null;
		String settlement = (place != null) ? place.settlement() : null;
		Category category = (appeal.category() != Category.OTHER) ? appeal.category() : suggestion.category();
		List<String> placeWords = new ArrayList<>();
		if (settlement != null) {
			placeWords.add(settlement);
		}
		if (municipality != null) {
			placeWords.add(municipality.centre());
			placeWords.add(municipality.title());
		}
		Similarity.Features features = Similarity.of(appeal.text(), placeWords);
		Instant at = appeal.receivedAt();
		// Thanks, greetings and chatter are never part of an incident; neither is a text with no place.
		boolean groupable = municipality != null && !suggestion.notAppeal();
		SeenAppeal seen = new SeenAppeal(appeal.id(), features, category, municipality, settlement, at,
				appeal.agencyId(), null, !groupable);
		if (!groupable) {
			return this.store.save(seen).then();
		}
		Instant since = at.minus(this.properties.window());
		return this.store.open(municipality, since)
			.filter(incident -> samePlace(settlement, incident.settlement()))
			.collectList()
			.flatMap(open -> bestIncident(seen, open))
			.flatMap(best -> join(best, seen))
			.switchIfEmpty(Mono.defer(() -> this.store.loose(municipality, since)
				.filter(other -> !other.id().equals(seen.id()) && samePlace(settlement, other.settlement()))
				.collectList()
				.flatMap(loose -> pair(seen, loose, appeal.text()))))
			.switchIfEmpty(Mono.defer(() -> this.store.save(seen)))
			.then();
	}

	/**
	 * Where the appeal is about. The appeal's stored settlement (the sender's, checked against the gazetteer,
	 * a curator's, or the one its text names) comes first: it is what a curator sees and corrects, and a text
	 * that names no place still belongs to it. Otherwise the appeal's municipality or routing's, with routing's
	 * settlement when it lies in that municipality. Null municipality: the text names no place.
	 */
	private @Nullable Where place(Appeal appeal, RoutingSuggestion suggestion) {
		Municipality municipality = appeal.municipality();
		String stored = appeal.settlement();
		if (stored != null && municipality == null) {
			// A settlement taken from the text without a municipality from the sender: the gazetteer knows whose.
			Settlements.Place named = this.settlements.named(stored);
			municipality = (named != null && stored.equalsIgnoreCase(named.settlement())) ? named.municipality()
					: suggestion.municipality();
		}
		if (stored != null && municipality != null) {
			return new Where(municipality, stored);
		}
		if (municipality == null) {
			municipality = suggestion.municipality();
		}
		if (municipality == null) {
			return null;
		}
		String settlement = (municipality == suggestion.municipality()) ? suggestion.settlement() : null;
		return new Where(municipality, settlement);
	}

	private record Where(Municipality municipality, @Nullable String settlement) {
	}

	private record Choice(Incident incident, double score) {
	}

	/** The open incident the appeal fits best, if any fits. */
	private Mono<Choice> bestIncident(SeenAppeal seen, List<Incident> open) {
		// In order: on a tie the older incident (listed first) keeps the appeal.
		return Flux.fromIterable(open)
			.concatMap(incident -> score(seen, incident).map(score -> new Choice(incident, score)))
			.filter(choice -> choice.score() >= this.properties.textThreshold())
			.reduce((best, next) -> (next.score() > best.score()) ? next : best);
	}

	private Mono<Double> score(SeenAppeal seen, Incident incident) {
		if (!incident.topics().isEmpty()) {
			if (!Similarity.sharedTopics(seen.features().topics(), incident.topics()).isEmpty()) {
				return Mono.just(1.0);
			}
			if (!seen.features().topics().isEmpty()) {
				return Mono.just(0.0);
			}
		}
		if (seen.category() != incident.category()) {
			return Mono.just(0.0);
		}
		return representatives(incident).map(features -> {
			double best = 0;
			for (Similarity.Features member : features) {
				best = Math.max(best, Similarity.dice(seen.features(), member));
			}
			return best;
		});
	}

	/**
	 * The features of the incident's newest members (at most {@link IncidentStore#SAMPLE_SIZE}): from its
	 * samples, reading only members they lack (after a merge or split) one by one, so the work is bounded
	 * whatever the incident's size.
	 */
	private Mono<List<Similarity.Features>> representatives(Incident incident) {
		List<String> newest = incident.members()
			.stream()
			.sorted(MEMBER_ORDER.reversed())
			.limit(IncidentStore.SAMPLE_SIZE)
			.map(Incident.Member::appealId)
			.toList();
		return this.store.samples(incident.id())
			.map(IncidentStore.Samples::samples)
			.defaultIfEmpty(List.of())
			.flatMap(samples -> {
				Map<String, Similarity.Features> known = new HashMap<>();
				samples.forEach(sample -> known.put(sample.appealId(), sample.features()));
				List<Similarity.Features> found = new ArrayList<>();
				List<String> missing = new ArrayList<>();
				for (String id : newest) {
					Similarity.Features features = known.get(id);
					if (features != null) {
						found.add(features);
					}
					else {
						missing.add(id);
					}
				}
				return Flux.fromIterable(missing)
					.concatMap(this.store::memberFeatures)
					.doOnNext(member -> found.add(member.features()))
					.then(Mono.fromSupplier(() -> found));
			});
	}

	private Mono<SeenAppeal> join(Choice choice, SeenAppeal seen) {
		Incident incident = choice.incident();
		Incident.Member member = new Incident.Member(seen.id(), seen.at(), seen.agencyId(), AUTO, choice.score());
		return this.store.append(incident.id(), incident.version(), incident.lastAt(), member, this.clock.instant())
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("incident " + incident.id() + " changed meanwhile")))
			.then(this.store.addSamples(incident.id(), List.of(new IncidentStore.Sample(seen.id(), seen.features()))))
			.then(this.store.save(seen.withIncident(incident.id(), false)));
	}

	/** A new incident of the appeal and the loose appeal most like it, if one is alike enough. */
	private Mono<SeenAppeal> pair(SeenAppeal seen, List<SeenAppeal> loose, String text) {
		SeenAppeal best = null;
		double bestScore = 0;
		for (SeenAppeal other : loose) {
			double score = Similarity.score(seen.features(), other.features(), null);
			boolean topical = !Similarity.sharedTopics(seen.features().topics(), other.features().topics()).isEmpty();
			if (!topical && other.category() != seen.category()) {
				continue;
			}
			if (score >= this.properties.textThreshold() && score > bestScore) {
				best = other;
				bestScore = score;
			}
		}
		if (best == null) {
			return Mono.empty();
		}
		SeenAppeal first = best;
		List<String> topics = Similarity.sharedTopics(seen.features().topics(), first.features().topics());
		String settlement = (first.settlement() != null) ? first.settlement() : seen.settlement();
		Instant now = this.clock.instant();
		List<Incident.Member> members = new ArrayList<>(List.of(
				new Incident.Member(first.id(), first.at(), first.agencyId(), AUTO, bestScore),
				new Incident.Member(seen.id(), seen.at(), seen.agencyId(), AUTO, bestScore)));
		members.sort(MEMBER_ORDER);
		Incident incident = new Incident(new ObjectId().toHexString(), 0, title(topics, text, settlement,
				seen.municipality()), first.category(), seen.municipality(), settlement, IncidentStatus.SUGGESTED,
				topics, members, members.get(0).at(), members.get(members.size() - 1).at(), now, now, null, null,
				List.of());
		return this.store.insert(incident)
			.then(this.store.addSamples(incident.id(), List.of(new IncidentStore.Sample(first.id(), first.features()),
					new IncidentStore.Sample(seen.id(), seen.features()))))
			.then(this.store.assign(List.of(first.id()), incident.id(), false))
			.then(this.store.save(seen.withIncident(incident.id(), false)));
	}

	/** A short title: the topic and the place, or the start of the text when there is no known topic. */
	static String title(List<String> topics, String text, @Nullable String settlement,
			@Nullable Municipality municipality) {
		String place = (settlement != null) ? settlement : (municipality != null) ? municipality.centre() : null;
		String what;
		if (!topics.isEmpty()) {
			what = topics.stream().map(t -> Similarity.TOPIC_TITLES.getOrDefault(t, t)).collect(Collectors.joining(", "));
		}
		else {
			String flat = text.strip().replaceAll("\\s+", " ");
			what = (flat.length() <= 60) ? flat : flat.substring(0, flat.lastIndexOf(' ', 60) > 20 ? flat.lastIndexOf(' ', 60) : 60) + "…";
		}
		return (place != null) ? what + " — " + place : what;
	}

	/** Two places match unless both are known settlements and differ. */
	static boolean samePlace(@Nullable String a, @Nullable String b) {
		return a == null || b == null || a.equalsIgnoreCase(b);
	}

	/** The incident with new members and status, its times and version moved on. */
	public Incident changed(Incident incident, List<Incident.Member> members, IncidentStatus status, String title) {
		Instant first = members.stream().map(Incident.Member::at).min(Comparator.naturalOrder()).orElse(incident.firstAt());
		Instant last = members.stream().map(Incident.Member::at).max(Comparator.naturalOrder()).orElse(incident.lastAt());
		return new Incident(incident.id(), incident.version() + 1, title, incident.category(), incident.municipality(),
				incident.settlement(), status, incident.topics(), members, first, last, incident.createdAt(),
				this.clock.instant(), incident.confirmedBy(), incident.mergedIntoId(), incident.replies());
	}

}
