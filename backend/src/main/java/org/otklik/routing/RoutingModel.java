package org.otklik.routing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The category model in use, so curators can see which model suggests and how well it did on examples
 * it was not trained on.
 *
 * @param version increases with every training in this database (0: the shipped model before the first)
 * @param trainedAt when it was trained
 * @param examples labelled examples it was trained on
 * @param curatorExamples of those, the corrections curators made
 * @param accuracy top-1 accuracy on the held-out fifth of the examples (a model trained without them)
 * @param heldOut how many examples that accuracy was measured on
 */
public record RoutingModel(int version, Instant trainedAt, int examples, int curatorExamples,
		@Nullable Double accuracy, int heldOut) {
}
