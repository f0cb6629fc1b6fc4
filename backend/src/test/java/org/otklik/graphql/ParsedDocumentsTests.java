package org.otklik.graphql;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents are parsed and validated once; failures and introspection every time; memory stays bounded. */
class ParsedDocumentsTests {

	private final AtomicInteger parsed = new AtomicInteger();

	private final Function<ExecutionInput, PreparsedDocumentEntry> valid = input -> {
		this.parsed.incrementAndGet();
		return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
	};

	private final Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
		this.parsed.incrementAndGet();
		return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("invalid").build());
	};

	private static ExecutionInput input(String query) {
		return ExecutionInput.newExecutionInput(query).build();
	}

	@Test
	void aDocumentSentAgainIsNotParsedAgain() {
		ParsedDocuments documents = new ParsedDocuments(10, 10_000);
		PreparsedDocumentEntry first = documents.getDocumentAsync(input("{ me { id } }"), this.valid).join();
		PreparsedDocumentEntry again = documents.getDocumentAsync(input("{ me { id } }"), this.valid).join();
		documents.getDocumentAsync(input("{ me { name } }"), this.valid).join();

		assertThat(again).isSameAs(first);
		assertThat(this.parsed).hasValue(2);
	}

	@Test
	void failedAndIntrospectionDocumentsAreCheckedEveryTime() {
		ParsedDocuments documents = new ParsedDocuments(10, 10_000);
		for (int i = 0; i < 2; i++) {
			assertThat(documents.getDocumentAsync(input("{ nope }"), this.invalid).join().hasErrors()).isTrue();
			documents.getDocumentAsync(input("{ __schema { types { name } } }"), this.valid).join();
		}

		assertThat(this.parsed).hasValue(4);
		assertThat(documents.size()).isZero();
	}

	@Test
	void staysWithinItsBounds() {
		ParsedDocuments documents = new ParsedDocuments(3, 10_000);
		for (int i = 0; i < 10; i++) {
			documents.getDocumentAsync(input("{ a" + i + " }"), this.valid).join();
			assertThat(documents.size()).isLessThanOrEqualTo(3);
		}
		ParsedDocuments byLength = new ParsedDocuments(100, 20);
		for (int i = 0; i < 10; i++) {
			documents.getDocumentAsync(input("{ field" + i + " }"), this.valid).join();
			byLength.getDocumentAsync(input("{ field" + i + " }"), this.valid).join();
			assertThat(byLength.size()).isLessThanOrEqualTo(2);
		}
	}

}
