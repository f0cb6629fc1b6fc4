package org.otklik.quality;

/**
 * One problem in an answer, explained for the executor who wrote it.
 *
 * @param rule which mistake it is
 * @param message what is wrong and how to fix it, in Russian
 * @param start offset of the first character of the offending fragment, or {@code null} when the
 *              problem is something missing from the whole answer
 * @param end offset after the last character of the fragment, or {@code null}
 * @param suggestion a short rewrite hint in Russian
 */
public record QualityFinding(QualityRule rule, String message, Integer start, Integer end, String suggestion) {
}
