package org.otklik.channel.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.otklik.channel.ChannelAccount;
import org.otklik.channel.ChannelMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Long polling for accounts without a public HTTPS address (VK Bots Long Poll, Telegram getUpdates, MAX
 * updates). One instance holds each account's poll by a lease in the account document, because the
 * channels hand every update to whichever poller asks; its events go into the same inbox as webhooks.
 */
@Component
public class LongPolling implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LongPolling.class);

	private static final Duration LEASE = Duration.ofMinutes(1);

	private final ChannelAccounts accounts;

	private final ChannelConnections connections;

	private final Inbox inbox;

	private final String instance = UUID.randomUUID().toString();

	private final Map<String, Disposable> polls = new ConcurrentHashMap<>();

	private volatile @Nullable Disposable scanning;

	public LongPolling(ChannelAccounts accounts, ChannelConnections connections, Inbox inbox) {
		this.accounts = accounts;
		this.connections = connections;
		this.inbox = inbox;
	}

	@Override
	public void start() {
		this.scanning = Flux.interval(Duration.ZERO, Duration.ofSeconds(5))
			.onBackpressureDrop()
			.concatMap(tick -> scan().onErrorResume(ex -> {
				log.warn("Long-poll scan failed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	/** Starts polling each long-poll account this instance can claim. */
	Mono<Void> scan() {
		return this.accounts.toPoll()
			.filter(account -> !this.polls.containsKey(account.id()))
			.concatMap(account -> this.accounts.claimPoll(account.id(), this.instance, LEASE)
				.filter(Boolean::booleanValue)
				.doOnNext(claimed -> this.polls.computeIfAbsent(account.id(), id -> poll(account))))
			.then();
	}

	private Disposable poll(ChannelAccount first) {
		AtomicReference<@Nullable String> offset = new AtomicReference<>(first.pollOffset());
		String id = first.id();
		return Flux.defer(() -> this.accounts.byId(id)
			.filter(account -> account.enabled() && account.mode() == ChannelMode.LONG_POLL)
			.switchIfEmpty(Mono.error(new Stop()))
			.flatMap(account -> this.accounts.claimPoll(id, this.instance, LEASE)
				.flatMap(held -> held ? once(account, offset) : Mono.error(new Stop()))))
			.repeat()
			.onErrorResume(Stop.class, ex -> Mono.empty())
			.doFinally(signal -> {
				this.polls.remove(id);
				this.accounts.releasePoll(id, this.instance).subscribe();
			})
			.subscribe();
	}

	/** One long-poll request: events into the inbox, then the new offset stored. */
	private Mono<Void> once(ChannelAccount account, AtomicReference<@Nullable String> offset) {
		String token = this.connections.token(account);
		if (token == null) {
			return this.accounts.failed(account.id(), "токен аккаунта недоступен", true).then(Mono.error(new Stop()));
		}
		ChannelClient client = this.connections.client(account.kind());
		return client.poll(account, token, offset.get())
			.flatMap(result -> Flux.fromIterable(result.events())
				.concatMap(event -> this.inbox.accept(account, event.key(), event.body()))
				.then(Mono.fromRunnable(() -> offset.set(result.nextOffset())))
				.then(this.accounts.polledTo(account.id(), this.instance, result.nextOffset()))
				.then(result.events().isEmpty() ? Mono.empty() : this.accounts.eventArrived(account.id())))
			.then(this.accounts.worked(account.id()))
			.onErrorResume(ChannelException.class, ex -> {
				if (ex.kind() == ChannelException.Kind.PERMANENT) {
					return this.accounts.failed(account.id(), ex.getMessage(), true).then(Mono.error(new Stop()));
				}
				Duration wait = (ex.retryAfter() != null) ? ex.retryAfter() : Duration.ofSeconds(5);
				return this.accounts.failed(account.id(), ex.getMessage(), false).then(Mono.delay(wait)).then();
			});
	}

	/** Ends an account's poll: disabled, switched to webhooks, broken, or claimed by another instance. */
	private static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	@Override
	public void stop() {
		Disposable current = this.scanning;
		if (current != null) {
			current.dispose();
		}
		this.polls.values().forEach(Disposable::dispose);
		this.polls.clear();
	}

	@Override
	public boolean isRunning() {
		return this.scanning != null && !this.scanning.isDisposed();
	}

}
