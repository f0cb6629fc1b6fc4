package org.otklik.graphql;

import java.util.List;

/**
 * A problem the caller can fix, returned in a mutation payload rather than as a top-level error.
 *
 * @param code stable code
 * @param field path to the input field at fault, empty when the whole request is
 * @param message explanation in Russian
 */
public record UserError(UserErrorCode code, List<String> field, String message) {

	public static UserError of(UserErrorCode code, String field, String message) {
		return new UserError(code, (field != null) ? List.of("input", field) : List.of(), message);
	}

	public static UserError required(String field, String message) {
		return of(UserErrorCode.REQUIRED, field, message);
	}

	public static UserError notFound(String field) {
		return of(UserErrorCode.NOT_FOUND, field, "Объект не найден или недоступен");
	}

}
