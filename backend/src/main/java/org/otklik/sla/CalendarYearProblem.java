package org.otklik.sla;

/**
 * A reason a calendar year cannot be loaded, shaped so that the GraphQL layer can turn it into a
 * {@code UserError} without parsing messages.
 *
 * @param field path to the faulty value, for example {@code days[3].date}; empty for the whole year
 * @param message explanation in Russian for the curator
 */
public record CalendarYearProblem(String field, String message) {
}
