package org.otklik.appeal.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.Channel;

import org.springframework.stereotype.Component;

/**
 * The appeal feature's meters: appeals received by channel, SLA thresholds announced, and what the event
 * hub does with each subscriber's bounded buffer. Named {@code otklik.*}; see docs/deploy.md.
 */
@Component
public class AppealMetrics {

	private final MeterRegistry registry;

	private final Counter delivered;

	private final Counter dropped;

	private final Counter slowDisconnects;

	public AppealMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.delivered = Counter.builder("otklik.live.events.delivered")
			.description("Events handed to a subscriber's buffer")
			.register(registry);
		this.dropped = Counter.builder("otklik.live.events.dropped")
			.description("Events a subscriber did not get because its buffer was full or it was gone")
			.register(registry);
		this.slowDisconnects = Counter.builder("otklik.live.slow.disconnects")
			.description("Subscribers cut off because their buffer overflowed")
			.register(registry);
	}

	/** A new appeal was stored (a repeat of channel and externalId is not counted). */
	void received(Channel channel) {
		Counter.builder("otklik.appeals.ingested")
			.description("New appeals stored, by channel")
			.tag("channel", channel.name())
			.register(this.registry)
			.increment();
	}

	/** An SLA threshold was announced (once across instances): level at_risk or breached. */
	void slaAnnounced(AppealEventType type) {
		Counter.builder("otklik.sla.alerts")
			.description("SLA thresholds announced, by level (at_risk, breached)")
			.tag("level", (type == AppealEventType.SLA_BREACHED) ? "breached" : "at_risk")
			.register(this.registry)
			.increment();
	}

	void delivered() {
		this.delivered.increment();
	}

	void dropped() {
		this.dropped.increment();
	}

	void slowDisconnect() {
		this.slowDisconnects.increment();
	}

}
