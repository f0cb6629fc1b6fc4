package org.otklik.appeal.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out appeal numbers ({@code МАГ-2026-000123}) from one counter document per region and year in the
 * {@code counters} collection. Each instance reserves a block of numbers at a time with a single
 * {@code findAndModify} ({@code $inc} by the block size, upsert), atomic on the server, and hands them out from
 * memory: every backend instance on one database draws disjoint blocks without a lock or a transaction, and
 * intake pays one counter round trip per block rather than per appeal; the same code runs on real MongoDB and
 * on the embedded server. Numbers are unique, and increasing in the order one instance received its appeals;
 * they are not gapless: a number drawn for an insert that then loses a race is skipped, and the rest of a
 * block is never used when its instance stops or crashes. With two instances, blocks interleave, so a later
 * appeal may carry a lower number than an earlier one from the other instance.
 */
@Component
public class AppealNumbers {

	static final String COLLECTION = "counters";

	/** A full number, a year with a counter, or a counter alone, as people type them. */
	private static final Pattern FULL = Pattern.compile("^([\\p{L}]+)-(\\d{4})-(\\d+)$");

	private static final Pattern YEAR_AND_COUNTER = Pattern.compile("^(\\d{4})-(\\d+)$");

	private static final Pattern COUNTER = Pattern.compile("^(\\d+)$");

	private final ReactiveMongoTemplate mongo;

	private final AppealNumberProperties properties;

	/** The block this instance hands numbers from, per counter (region and year). */
	private final Map<String, Block> blocks = new ConcurrentHashMap<>();

	public AppealNumbers(ReactiveMongoTemplate mongo, AppealNumberProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	/** The next number for an appeal received at this moment. */
	public Mono<String> next(Instant receivedAt) {
		int year = receivedAt.atZone(this.properties.zone()).getYear();
		String key = "appeal-number:" + this.properties.prefix() + ":" + year;
		Block block = this.blocks.computeIfAbsent(key, k -> new Block());
		return draw(key, block).map(seq -> format(year, seq));
	}

	private Mono<Long> draw(String key, Block block) {
		return Mono.defer(() -> {
			Mono<Void> refill;
			synchronized (block) {
				if (block.next <= block.last) {
					return Mono.just(block.next++);
				}
				if (block.refill == null) {
					// One reservation in flight per counter: the requests that find the block empty meanwhile wait
					// for it rather than reserving blocks of their own.
					block.refill = reserve(key).doOnNext(last -> {
						synchronized (block) {
							block.next = last - this.properties.block() + 1;
							block.last = last;
							block.refill = null;
						}
					}).doOnError(ex -> {
						synchronized (block) {
							block.refill = null;
						}
					}).then().cache();
				}
				refill = block.refill;
			}
			// Those who waited may find the new block used up already by others; they then reserve the next one.
			return refill.then(draw(key, block));
		});
	}

	/** Reserves the next block of a counter; returns its last number. */
	private Mono<Long> reserve(String key) {
		Query query = Query.query(Criteria.where("_id").is(key));
		Update inc = new Update().inc("seq", (long) this.properties.block());
		return this.mongo
			.findAndModify(query, inc, FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
					COLLECTION)
			// Two first upserts of a year's counter can race on real MongoDB; the loser's retry then
			// finds the document and increments it.
			.retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance))
			.map(counter -> ((Number) counter.get("seq")).longValue());
	}

	/** Numbers {@code next..last} are this instance's to hand out; empty when {@code next > last}. */
	private static final class Block {

		private long next = 1;

		private long last = 0;

		private Mono<Void> refill;

	}

	String format(int year, long seq) {
		String counter = String.valueOf(seq);
		if (counter.length() < this.properties.digits()) {
			counter = "0".repeat(this.properties.digits() - counter.length()) + counter;
		}
		return this.properties.prefix() + "-" + year + "-" + counter;
	}

	/**
	 * What a search for a number matches: a full number exactly (in any letter case), or the year and
	 * counter, or the counter alone, without the prefix and leading zeros ({@code 123},
	 * {@code 2026-000123}). Null when the text is not a number at all.
	 */
	public static @Nullable Criteria criteria(String typed) {
		String text = typed.strip().toUpperCase(Locale.ROOT);
		Matcher full = FULL.matcher(text);
		if (full.matches()) {
			return Criteria.where("number").regex("^" + full.group(1) + "-" + full.group(2) + "-0*"
					+ stripZeros(full.group(3)) + "$");
		}
		Matcher yearAndCounter = YEAR_AND_COUNTER.matcher(text);
		if (yearAndCounter.matches()) {
			return Criteria.where("number")
				.regex("-" + yearAndCounter.group(1) + "-0*" + stripZeros(yearAndCounter.group(2)) + "$");
		}
		Matcher counter = COUNTER.matcher(text);
		if (counter.matches()) {
			return Criteria.where("number").regex("-\\d{4}-0*" + stripZeros(counter.group(1)) + "$");
		}
		return null;
	}

	private static String stripZeros(String digits) {
		String stripped = digits.replaceFirst("^0+", "");
		return stripped.isEmpty() ? "0" : stripped;
	}

}
