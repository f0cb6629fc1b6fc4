package org.otklik.graphql;

import java.util.List;

/**
 * A Relay connection page with our own opaque cursors (Spring's default cursor would expose a Java
 * class name to integrators).
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

	/** One item with its cursor. */
	public record Edge<T>(String cursor, T node) {
	}

	/** Relay page state; we paginate forwards only. */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
