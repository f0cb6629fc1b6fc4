package org.otklik.quality;

import java.util.EnumSet;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.otklik.quality.internal.QualityEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The answer-quality coach: checks a Russian answer against the five mistakes the regional
 * management centre trains executors to avoid, plus readability. Pure and thread-safe; the
 * dictionaries are compiled once, when the bean is created.
 */
@Service
public class QualityService {

	private final QualityEngine engine;

	private final QualityProperties properties;

	/** How long a check takes: every submitted answer and every live hint waits for one. */
	private final Timer checks;

	/** A coach of its own, unmeasured (tests and benchmarks). */
	public QualityService(QualityProperties properties) {
		this(properties, new SimpleMeterRegistry());
	}

	@Autowired
	public QualityService(QualityProperties properties, MeterRegistry registry) {
		this.properties = properties;
		this.engine = new QualityEngine();
		this.checks = Timer.builder("otklik.quality.check")
			.description("Time to check an answer's quality")
			.publishPercentileHistogram()
			.register(registry);
	}

	/**
	 * Checks an answer.
	 * @param answerText the answer as the executor wrote it
	 * @param appealText the appeal it responds to, or {@code null}; numbers and names from it are
	 *                   not counted as specifics of the answer
	 * @throws AnswerTooLongException when the answer is longer than {@code max-text-length}
	 */
	/**
	 * A live hint for the answer being written: staff and integrators alike may check a text, a caller
	 * without any role may not.
	 */
	public reactor.core.publisher.Mono<QualityReport> hint(org.otklik.security.Caller caller, String answerText,
			reactor.core.publisher.Mono<java.util.Optional<String>> appealText) {
		caller.requireAny(org.otklik.security.Role.values());
		return appealText.map(appeal -> check(answerText, appeal.orElse(null)));
	}

	public QualityReport check(String answerText, String appealText) {
		String text = (answerText != null) ? answerText : "";
		if (text.length() > this.properties.maxTextLength()) {
			throw new AnswerTooLongException(text.length(), this.properties.maxTextLength());
		}
		String appeal = appealText;
		if (appeal != null && appeal.length() > this.properties.maxTextLength()) {
			// The appeal only gives context; an overlong one is cut rather than failing the check.
			appeal = appeal.substring(0, this.properties.maxTextLength());
		}
		String context = appeal;
		QualityEngine.Result result = this.checks.record(() -> this.engine.analyse(text, context));
		return new QualityReport(score(result), result.findings(), result.readability());
	}

	public QualityProperties properties() {
		return this.properties;
	}

	/** 100 minus the penalty of each distinct rule found, not below zero. */
	private int score(QualityEngine.Result result) {
		Set<QualityRule> found = EnumSet.noneOf(QualityRule.class);
		result.findings().forEach((finding) -> found.add(finding.rule()));
		int score = 100;
		for (QualityRule rule : found) {
			score -= this.properties.penalty(rule);
		}
		return Math.max(0, score);
	}

}
