package org.otklik.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Rejects operations that are too deep, too wide or too costly after validation and before the first data
 * fetcher runs, so an abusive query costs one walk over its document and no database work.
 * <ul>
 * <li><b>Fields</b>: every selected field counts once, aliases and {@code __typename} included, so a
 * thousand aliases of one field are refused however cheap each is (graphql-java's own complexity
 * instrumentation treats {@code __typename} as free).</li>
 * <li><b>Complexity</b> estimates how many values a response can hold: every field costs 1, and a field
 * with a {@code first: n} argument costs its list-valued selection n times: for a list field its whole
 * selection, for a Relay connection its {@code edges} (not its {@code pageInfo}).</li>
 * <li><b>Depth</b>: {@code { me { id } }} has depth 2.</li>
 * </ul>
 * Introspection ({@code __schema}, {@code __type}) is left to graphql-java's good-faith introspection
 * check, because standard tool queries such as GraphiQL's nest {@code ofType} deeper than any data query.
 * <p>
 * It is also the request observation instrumentation ({@code graphql.request}, {@code graphql.dataloader}),
 * in place of Spring Boot's: with two instrumentations, graphql-java's {@code ChainedInstrumentation} asked
 * both at each of some four hooks of every field and allocated a list and a context for each answer, about
 * a twentieth of a queue page's CPU, although only the observation has anything to do per field. As one
 * instrumentation, {@link GraphQlExecutionCostConfiguration} installs it without a chain.
 */
public class QueryLimitsInstrumentation extends GraphQlObservationInstrumentation {

	private final int maxDepth;

	private final int maxFields;

	private final int maxComplexity;

	public QueryLimitsInstrumentation(int maxDepth, int maxFields, int maxComplexity) {
		this(ObservationRegistry.NOOP, null, null, null, maxDepth, maxFields, maxComplexity);
	}

	/** Limits that also observe requests, fetchers and data loaders as Spring Boot's instrumentation would. */
	public QueryLimitsInstrumentation(ObservationRegistry registry, @Nullable ExecutionRequestObservationConvention requests,
			@Nullable DataFetcherObservationConvention fetchers, @Nullable DataLoaderObservationConvention loaders,
			int maxDepth, int maxFields, int maxComplexity) {
		super(registry, requests, fetchers, loaders);
		this.maxDepth = maxDepth;
		this.maxFields = maxFields;
		this.maxComplexity = maxComplexity;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		// The observation learns the operation first, so a refused one is still observed as what it was.
		InstrumentationContext<ExecutionResult> observed = super.beginExecuteOperation(parameters, state);
		ExecutionContext context = parameters.getExecutionContext();
		Measure measure = new Measure();
		QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.coercedVariables(context.getCoercedVariables())
			.build()
			.visitPostOrder(measure);
		if (measure.depth > this.maxDepth) {
			throw abort(LimitErrors.tooComplex("Запрос слишком глубокий: вложенность " + measure.depth
					+ " при допустимой " + this.maxDepth, "depth", this.maxDepth, measure.depth));
		}
		if (measure.fields > this.maxFields) {
			throw abort(LimitErrors.tooComplex("Запрос слишком широкий: " + measure.fields + " полей при допустимых "
					+ this.maxFields, "fields", this.maxFields, measure.fields));
		}
		int complexity = measure.complexity();
		if (complexity > this.maxComplexity) {
			throw abort(LimitErrors.tooComplex("Запрос слишком сложный: сложность " + complexity
					+ " при допустимой " + this.maxComplexity, "complexity", this.maxComplexity, complexity));
		}
		return observed;
	}

	private static AbortExecutionException abort(GraphQLError error) {
		// With underlying errors, graphql-java reports exactly our classified error and nothing else.
		return new AbortExecutionException(List.of(error));
	}

	/** Fields, depth and complexity in one post-order walk: children are visited before their parent. */
	private static final class Measure extends QueryVisitorStub {

		/** Keyed by value, as graphql-java's own calculator does: parents are recreated for each child. */
		private final Map<QueryVisitorFieldEnvironment, long[]> childCosts = new HashMap<>();

		private long rootCost;

		private int depth;

		private int fields;

		@Override
		public void visitField(QueryVisitorFieldEnvironment env) {
			if (isIntrospection(env)) {
				return;
			}
			this.fields++;
			this.depth = Math.max(this.depth, depthOf(env));
			long[] children = this.childCosts.getOrDefault(env, new long[2]);
			long lists = children[0];
			long others = children[1];
			long n = first(env);
			long cost = returnsList(env) ? 1 + n * (lists + others) : 1 + n * lists + others;
			cost = Math.min(cost, Integer.MAX_VALUE);
			QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
			if (parent == null) {
				this.rootCost = Math.min(this.rootCost + cost, Integer.MAX_VALUE);
			}
			else {
				long[] siblings = this.childCosts.computeIfAbsent(parent, key -> new long[2]);
				int slot = returnsList(env) ? 0 : 1;
				siblings[slot] = Math.min(siblings[slot] + cost, Integer.MAX_VALUE);
			}
		}

		int complexity() {
			return (int) this.rootCost;
		}

		private static boolean isIntrospection(QueryVisitorFieldEnvironment env) {
			for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
				String name = e.getFieldDefinition().getName();
				if ("__schema".equals(name) || "__type".equals(name)) {
					return true;
				}
			}
			return false;
		}

		private static boolean returnsList(QueryVisitorFieldEnvironment env) {
			return GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()) instanceof GraphQLList;
		}

		private static int depthOf(QueryVisitorFieldEnvironment env) {
			int depth = 0;
			for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
				depth++;
			}
			return depth;
		}

		private static long first(QueryVisitorFieldEnvironment env) {
			Object first = env.getArguments().get("first");
			return (first instanceof Number number && number.longValue() > 1) ? number.longValue() : 1;
		}

	}

}
