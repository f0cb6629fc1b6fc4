package org.otklik.push.internal;

import java.util.List;

import org.otklik.channel.ChannelAccount;
import org.otklik.channel.ChannelHealth;
import org.otklik.channel.ChannelService;
import org.otklik.push.PushNoticeKind;
import org.otklik.push.PushProperties;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells curators when a channel account breaks. The channel feature records health on the account rather
 * than as an appeal event, so this looks at the accounts now and then; a break is recorded once (an insert
 * under the account's id, which only one instance wins) and told again only after the account was healthy.
 */
@Component
public class ChannelWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChannelWatcher.class);

	private final ChannelService channels;

	private final PushStore store;

	private final PushDispatcher dispatcher;

	private final PushProperties properties;

	private final java.time.Clock clock;

	private volatile Disposable running;

	public ChannelWatcher(ChannelService channels, PushStore store, PushDispatcher dispatcher, PushProperties properties,
			java.time.Clock clock) {
		this.channels = channels;
		this.store = store;
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.clock = clock;
	}

	/** Looks at the accounts once: queues a notice to curators for each newly broken one. */
	public Mono<Void> check() {
		return this.channels.accounts(Caller.SYSTEM).flatMap(accounts -> {
			List<ChannelAccount> broken = accounts.stream().filter(a -> a.health() == ChannelHealth.BROKEN).toList();
			return this.store.channelsHealthy(broken.stream().map(ChannelAccount::id).toList())
				.thenMany(Flux.fromIterable(broken))
				.concatMap(account -> this.store.channelBroken(account.id(), this.clock.instant())
					.filter(Boolean::booleanValue)
					.flatMapMany(fresh -> this.store.recipients(PushNoticeKind.CHANNEL_BROKEN, Role.CURATOR, null))
					.concatMap(device -> this.dispatcher.queue(device, "channel:" + account.id() + ":" + account.version(),
							PushNoticeKind.CHANNEL_BROKEN, false, null, null, PushTexts.title(PushNoticeKind.CHANNEL_BROKEN, false),
							"«" + account.name() + "» (" + account.kind() + "): нужен новый токен или проверка настроек",
							"/channels")))
				.then();
		});
	}

	@Override
	public void start() {
		this.running = Flux.interval(this.properties.channelCheckEvery())
			.onBackpressureDrop()
			.concatMap(tick -> check().onErrorResume(ex -> {
				log.warn("Push: the channel check failed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.running;
		return current != null && !current.isDisposed();
	}

}
