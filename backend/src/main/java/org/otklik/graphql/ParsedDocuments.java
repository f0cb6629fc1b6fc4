package org.otklik.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct GraphQL document once: the PWA and integrators send the same few
 * documents with different variables, and parsing plus validation was a tenth of a queue page's and an
 * ingest's CPU. Only documents that passed validation are kept (errors are produced afresh, in the
 * caller's locale) and no introspection documents (they are rare, and their checks stay per request).
 * Bounded by entries and characters; when full it starts over, so a stream of unique documents costs
 * memory no larger than the bound and never slows the common documents for long.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

	private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

	private final AtomicLong characters = new AtomicLong();

	private final int maxEntries;

	private final long maxCharacters;

	ParsedDocuments(int maxEntries, long maxCharacters) {
		this.maxEntries = maxEntries;
		this.maxCharacters = maxCharacters;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		PreparsedDocumentEntry known = this.entries.get(query);
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors() && !query.contains("__schema") && !query.contains("__type")) {
			remember(query, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	private void remember(String query, PreparsedDocumentEntry entry) {
		if (this.entries.size() >= this.maxEntries || this.characters.get() + query.length() > this.maxCharacters) {
			this.entries.clear();
			this.characters.set(0);
		}
		if (this.entries.putIfAbsent(query, entry) == null) {
			this.characters.addAndGet(query.length());
		}
	}

	int size() {
		return this.entries.size();
	}

}
