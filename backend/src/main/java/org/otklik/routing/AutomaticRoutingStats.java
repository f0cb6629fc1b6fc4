package org.otklik.routing;

import org.jspecify.annotations.Nullable;

/**
 * Automatic delivery in a statistics period: appeals received in it that the router sent to an agency
 * itself, and how many of those a curator or the agency redirected since (the router's real precision is
 * {@code 1 - redirectedShare}).
 *
 * @param delivered appeals received in the period and delivered automatically
 * @param redirected of those, redirected to another agency since
 * @param share {@code delivered / received}; null when nothing was received
 * @param redirectedShare {@code redirected / delivered}; null when nothing was delivered automatically
 */
public record AutomaticRoutingStats(int delivered, int redirected, @Nullable Double share,
		@Nullable Double redirectedShare) {
}
