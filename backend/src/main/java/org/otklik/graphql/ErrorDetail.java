package org.otklik.graphql;

import graphql.ErrorClassification;

/**
 * Our documented detail codes for top-level GraphQL errors, sent as the {@code errorDetail} extension
 * beside Spring's {@code classification}.
 */
public enum ErrorDetail implements ErrorClassification {

	/** The caller is not authenticated. */
	UNAUTHENTICATED,
	/** The caller's role or agency does not allow this operation. */
	FORBIDDEN,
	/** An argument is out of range, for example a page larger than allowed. */
	INVALID_ARGUMENT,
	/** A cursor that is malformed or not one of ours. */
	INVALID_CURSOR,
	/** A subscription cursor too old to resume from: reload the list and subscribe without one. */
	CURSOR_EXPIRED,
	/** The subscriber did not read events fast enough and was cut off. */
	SLOW_SUBSCRIBER,
	/** The query is too deep, too complex or too large. */
	QUERY_TOO_COMPLEX,
	/** Too many requests; retry later. */
	RATE_LIMITED,
	/** An HTTP body larger than the server accepts; status 413. */
	REQUEST_TOO_LARGE,
	/** An HTTP body that is empty, {@code null} or not one JSON request object; status 400. */
	MALFORMED_REQUEST,
	/** A WebSocket {@code subscribe} past the per-socket limit of operations in flight. */
	TOO_MANY_SUBSCRIPTIONS,
	/** Something failed on our side; nothing about it is disclosed. */
	INTERNAL

}
