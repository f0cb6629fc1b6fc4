package org.otklik.graphql;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Adds the operation's first root field ({@code appeals}, {@code ingestAppeal}, …) to the {@code graphql.request}
 * timer, so latency can be read per operation. Spring tags only the operation type, because the operation
 * name is chosen by the client and unbounded; a root field is checked against the schema before it is
 * recorded, so there are at most as many values as the schema has root fields.
 */
@Component
public class GraphQlRequestObservationConvention extends DefaultExecutionRequestObservationConvention {

	static final String ROOT_FIELD = "graphql.root.field";

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(rootField(context));
	}

	private static KeyValue rootField(ExecutionRequestObservationContext context) {
		// Null when the document did not parse or validate: nothing client-chosen reaches the tag.
		if (context.getExecutionContext() == null || context.getExecutionContext().getOperationDefinition() == null) {
			return KeyValue.of(ROOT_FIELD, "none");
		}
		OperationDefinition operation = context.getExecutionContext().getOperationDefinition();
		for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
			if (selection instanceof Field field) {
				return KeyValue.of(ROOT_FIELD, field.getName());
			}
		}
		return KeyValue.of(ROOT_FIELD, "fragment");
	}

}
