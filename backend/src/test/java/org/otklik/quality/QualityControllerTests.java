package org.otklik.quality;

import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The GraphQL slice of the coach: argument binding, the appeal lookup and the length limit.
 */
@GraphQlTest(QualityController.class)
@Import({ QualityService.class, QualityControllerTests.PlaceholderScalars.class })
@EnableConfigurationProperties(QualityProperties.class)
class QualityControllerTests {

	private static final String GOOD = "Здравствуйте! Спасибо, что сообщили. Фонарь у дома 7 заменят 12 марта, "
			+ "ответственный — мастер Пётр Ильич Зуев, 8 (4132) 61-00-11.";

	/**
	 * The operation under test. Kept inline rather than under src/test/resources/graphql-test so that
	 * this branch only adds files in the quality feature's folders.
	 */
	private static final String CHECK = """
			query CheckAnswerQuality($text: String!, $appealId: ID) {
			  checkAnswerQuality(text: $text, appealId: $appealId) {
			    score
			    findings { rule message start end suggestion }
			    readability { sentenceCount wordCount averageSentenceLength longSentenceCount
			                  averageSyllablesPerWord fleschIndex level }
			  }
			}
			""";

	@Autowired
	private GraphQlTester graphQlTester;

	@MockitoBean
	org.otklik.security.CallerResolver callers;

	@org.junit.jupiter.api.BeforeEach
	void signIn() {
		given(this.callers.current()).willReturn(Mono.just(new org.otklik.security.Caller("exec", "Исполнитель",
				java.util.Set.of(org.otklik.security.Role.EXECUTOR), "MINZDRAV", "otklik-pwa")));
	}

	@MockitoBean
	private AppealTextLookup appealTextLookup;

	@Test
	void goodAnswerScoresFullMarks() {
		this.graphQlTester.document(CHECK)
			.variable("text", GOOD)
			.execute()
			.path("checkAnswerQuality.score")
			.entity(Integer.class)
			.isEqualTo(100)
			.path("checkAnswerQuality.findings")
			.entityList(Object.class)
			.hasSize(0)
			.path("checkAnswerQuality.readability.level")
			.entity(String.class)
			.satisfies((level) -> assertThat(level).isIn("EASY", "MEDIUM", "HARD", "VERY_HARD"));
	}

	@Test
	void findingsCarryRuleOffsetsAndRussianMessages() {
		String text = "Обратитесь в управляющую компанию.";
		this.graphQlTester.document(CHECK)
			.variable("text", text)
			.execute()
			.path("checkAnswerQuality.findings[*].rule")
			.entityList(String.class)
			.contains("REDIRECT", "NO_POLITENESS", "NO_SPECIFICS")
			.path("checkAnswerQuality.findings[0].start")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("checkAnswerQuality.findings[0].end")
			.entity(Integer.class)
			.isEqualTo(text.length());
	}

	@Test
	void appealTextIsUsedAsContextWhenALookupExists() {
		String appeal = "В доме 7 на улице Лесной не горит фонарь с 12 марта.";
		String answer = "Здравствуйте! Спасибо. Фонарь у дома 7 не горит с 12 марта, разберёмся.";
		given(this.appealTextLookup.appealText("a1")).willReturn(Mono.just(appeal));
		given(this.appealTextLookup.appealText("missing")).willReturn(Mono.empty());
		this.graphQlTester.document(CHECK)
			.variable("text", answer)
			.variable("appealId", "a1")
			.execute()
			.path("checkAnswerQuality.findings[*].rule")
			.entityList(String.class)
			.contains("NO_SPECIFICS");
		// An unknown appeal gives no context: the numbers then look like specifics.
		this.graphQlTester.document(CHECK)
			.variable("text", answer)
			.variable("appealId", "missing")
			.execute()
			.path("checkAnswerQuality.findings[*].rule")
			.entityList(String.class)
			.satisfies((rules) -> assertThat(rules).doesNotContain("NO_SPECIFICS"));
	}

	@Test
	void textLongerThanTheLimitIsABadRequestWithARussianMessage() {
		this.graphQlTester.document(CHECK)
			.variable("text", "а".repeat(10_001))
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(errors.get(0).getMessage()).contains("не более 10000");
				assertThat(errors.get(0).getExtensions()).containsEntry("errorDetail", "INVALID_ARGUMENT");
				assertThat(errors.get(0).getPath()).isEqualTo("checkAnswerQuality");
			});
	}

	@Test
	void missingTextIsRejectedBySchemaValidation() {
		this.graphQlTester.document("{ checkAnswerQuality { score } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty());
	}

	/**
	 * The shared schema declares the DateTime and Date scalars, implemented by the appeal core, which
	 * is not part of this slice; inert stand-ins let the schema build.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class PlaceholderScalars {

		/** The slice has no actuator; the service's check timer needs a registry. */
		@Bean
		io.micrometer.core.instrument.MeterRegistry meterRegistry() {
			return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
		}

		@Bean
		RuntimeWiringConfigurer placeholderScalars() {
			return (wiring) -> wiring.scalar(placeholder("DateTime")).scalar(placeholder("Date"));
		}

		private static GraphQLScalarType placeholder(String name) {
			return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
			}).build();
		}

	}

}
