package org.otklik.graphql;

/**
 * A failure that carries its own classification, so that it reaches the client as a documented
 * top-level GraphQL error instead of an opaque internal error.
 */
public class OtklikException extends RuntimeException {

	private final ErrorDetail detail;

	public OtklikException(ErrorDetail detail, String message) {
		super(message, null, false, false);
		this.detail = detail;
	}

	public ErrorDetail detail() {
		return this.detail;
	}

	public static OtklikException invalidArgument(String message) {
		return new OtklikException(ErrorDetail.INVALID_ARGUMENT, message);
	}

}
