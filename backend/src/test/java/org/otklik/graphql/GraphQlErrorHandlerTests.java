package org.otklik.graphql;

import java.util.List;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler as Spring for GraphQL resolves it: the most specific method wins, the client gets a
 * classified error without internals, and only real failures are logged as errors.
 */
@ExtendWith(OutputCaptureExtension.class)
class GraphQlErrorHandlerTests {

	private final DataFetcherExceptionResolver resolver = resolver();

	@Test
	void aCancelledExecutionIsClassifiedAndNotLoggedAsAnError(CapturedOutput output) {
		List<GraphQLError> errors = resolve(new AbortExecutionException("Execution has been asked to be cancelled"));

		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
			assertThat(error.getExtensions()).containsEntry("errorDetail", "INTERNAL");
			assertThat(error.getMessage()).doesNotContain("cancelled");
		});
		assertThat(output.getAll()).doesNotContain("Unexpected failure");
	}

	@Test
	void anUnexpectedFailureIsLoggedAndHidesItsMessage(CapturedOutput output) {
		List<GraphQLError> errors = resolve(new IllegalStateException("connection pool exhausted at 10.0.0.5"));

		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
			assertThat(error.getMessage()).doesNotContain("10.0.0.5");
		});
		assertThat(output.getAll()).contains("Unexpected failure in /agencyStats");
	}

	private List<GraphQLError> resolve(Throwable failure) {
		ExecutionStepInfo step = ExecutionStepInfo.newExecutionStepInfo()
			.type(Scalars.GraphQLString)
			.path(ResultPath.rootPath().segment("agencyStats"))
			.build();
		DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.executionStepInfo(step)
			.mergedField(MergedField.newMergedField(Field.newField("agencyStats").build()).build())
			.build();
		return this.resolver.resolveException(failure, env).block();
	}

	private static DataFetcherExceptionResolver resolver() {
		StaticApplicationContext context = new StaticApplicationContext();
		context.registerSingleton("graphQlErrorHandler", GraphQlErrorHandler.class);
		context.refresh();
		AnnotatedControllerConfigurer configurer = new AnnotatedControllerConfigurer();
		configurer.setApplicationContext(context);
		configurer.afterPropertiesSet();
		return configurer.getExceptionResolver();
	}

}
