package org.otklik.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Rejects operations that are too deep or too complex after validation and before the first data fetcher
 * runs, so an abusive query costs one walk over its document and no database work.
 * <p>
 * graphql-java's own {@code MaxQueryComplexityInstrumentation} counts {@code __typename} as free, so a
 * document with a thousand aliased {@code __typename} fields would pass; here every selected field costs 1.
 * A field with a {@code first} argument multiplies the cost of its selection, because it returns up to
 * that many items.
 */
public class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

	private final int maxDepth;

	private final int maxComplexity;

	public QueryLimitsInstrumentation(int maxDepth, int maxComplexity) {
		this.maxDepth = maxDepth;
		this.maxComplexity = maxComplexity;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		Measure measure = new Measure();
		traverser.visitPostOrder(measure);
		if (measure.depth > this.maxDepth) {
			throw abort(LimitErrors.tooComplex("Запрос слишком глубокий: вложенность " + measure.depth
					+ " при допустимой " + this.maxDepth, "depth", this.maxDepth, measure.depth));
		}
		int complexity = measure.total();
		if (complexity > this.maxComplexity) {
			throw abort(LimitErrors.tooComplex("Запрос слишком сложный: сложность " + complexity
					+ " при допустимой " + this.maxComplexity, "complexity", this.maxComplexity, complexity));
		}
		return super.beginExecuteOperation(parameters, state);
	}

	private static AbortExecutionException abort(graphql.GraphQLError error) {
		// With underlying errors, graphql-java reports exactly our classified error and nothing else.
		return new AbortExecutionException(List.of(error));
	}

	/** Depth and complexity in one post-order walk; children are visited before their parent. */
	private static final class Measure extends QueryVisitorStub {

		/** Keyed by value, as graphql-java's own calculator does: parents are recreated for each child. */
		private final Map<QueryVisitorFieldEnvironment, Long> childCost = new HashMap<>();

		private long rootCost;

		private int depth;

		@Override
		public void visitField(QueryVisitorFieldEnvironment env) {
			this.depth = Math.max(this.depth, depthOf(env));
			long children = this.childCost.getOrDefault(env, 0L);
			long cost = saturate(1 + children * multiplier(env));
			QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
			if (parent == null) {
				this.rootCost = saturate(this.rootCost + cost);
			}
			else {
				this.childCost.merge(parent, cost, (a, b) -> saturate(a + b));
			}
		}

		int total() {
			return (int) Math.min(this.rootCost, Integer.MAX_VALUE);
		}

		private static int depthOf(QueryVisitorFieldEnvironment env) {
			int depth = 0;
			for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
				depth++;
			}
			return depth;
		}

		private static long multiplier(QueryVisitorFieldEnvironment env) {
			Object first = env.getArguments().get("first");
			if (first instanceof Number number && number.longValue() > 1) {
				return number.longValue();
			}
			return 1;
		}

		private static long saturate(long value) {
			return Math.min(value, Integer.MAX_VALUE);
		}

	}

}
