package org.otklik.quality;

import reactor.core.publisher.Mono;

/**
 * Gives the quality coach the text of the appeal an answer responds to, so that numbers and
 * addresses the citizen wrote are not mistaken for specifics of the answer. Implemented by the
 * appeal feature; the coach works without it.
 */
public interface AppealTextLookup {

	/**
	 * The appeal's text, or an empty {@code Mono} when the appeal does not exist or the caller may
	 * not see it.
	 */
	Mono<String> appealText(String appealId);

}
