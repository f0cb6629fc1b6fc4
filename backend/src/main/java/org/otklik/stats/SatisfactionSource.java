package org.otklik.stats;

import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * Where citizens' ratings come from. The {@code citizen} feature implements it, so that statistics do not
 * depend on how ratings are collected (and the citizen feature may read statistics' types).
 */
public interface SatisfactionSource {

	/** Ratings first given in {@code [from, to)}, by the id of the agency that answered. */
	Mono<Map<String, Satisfaction>> byAgency(Instant from, Instant to);

}
