package org.otklik.push.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventConsumer;
import org.otklik.appeal.AppealEventType;
import org.otklik.push.PushDevice;
import org.otklik.push.PushNoticeKind;
import org.otklik.push.PushProperties;
import org.otklik.push.PushSettings;
import org.otklik.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A durable consumer of the appeal event stream (once across instances, ADR 0007) that turns the events
 * staff must hear about into notices for the devices of those who must hear: an agency's executors for a
 * new appeal, the holder for deadlines and returns (the agency's executors when nobody holds it), the head
 * too for a breach, curators for answers waiting for review. The notice's unique key (device, event, kind)
 * makes a repeated dispatch queue nothing new.
 */
@Component
public class PushDispatcher implements AppealEventConsumer {

	private static final Set<AppealEventType> WANTED = Set.of(AppealEventType.ASSIGNED, AppealEventType.REDIRECTED,
			AppealEventType.SLA_AT_RISK, AppealEventType.SLA_BREACHED, AppealEventType.ANSWER_RETURNED,
			AppealEventType.FINAL_SUBMITTED);

	private final PushStore store;

	private final AgencyService agencies;

	private final PushSender sender;

	private final PushProperties properties;

	private final Clock clock;

	public PushDispatcher(PushStore store, AgencyService agencies, PushSender sender, PushProperties properties,
			Clock clock) {
		this.store = store;
		this.agencies = agencies;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "push";
	}

	@Override
	public boolean wants(AppealEvent event) {
		return WANTED.contains(event.type());
	}

	@Override
	public Mono<Void> handle(AppealEvent event) {
		Appeal appeal = event.appeal();
		return switch (event.type()) {
			case ASSIGNED, REDIRECTED -> queue(agencyStaff(appeal, Role.EXECUTOR, PushNoticeKind.APPEAL_ASSIGNED), event,
					PushNoticeKind.APPEAL_ASSIGNED);
			case SLA_AT_RISK -> queue(holderOrAgency(appeal, PushNoticeKind.SLA_AT_RISK), event, PushNoticeKind.SLA_AT_RISK);
			case SLA_BREACHED -> queue(Flux.concat(holderOrAgency(appeal, PushNoticeKind.SLA_BREACHED),
					agencyStaff(appeal, Role.HEAD, PushNoticeKind.SLA_BREACHED)), event, PushNoticeKind.SLA_BREACHED);
			case ANSWER_RETURNED -> queue(holderOrAgency(appeal, PushNoticeKind.ANSWER_RETURNED), event,
					PushNoticeKind.ANSWER_RETURNED);
			case FINAL_SUBMITTED -> queue(this.store.recipients(PushNoticeKind.ANSWER_AWAITING_REVIEW, Role.CURATOR, null),
					event, PushNoticeKind.ANSWER_AWAITING_REVIEW);
			default -> Mono.empty();
		};
	}

	private Flux<PushDevice> agencyStaff(Appeal appeal, Role role, PushNoticeKind kind) {
		if (appeal.agencyId() == null) {
			return Flux.empty();
		}
		return this.agencies.byId(appeal.agencyId())
			.map(Agency::code)
			.flatMapMany(code -> this.store.recipients(kind, role, code));
	}

	/** The executor who holds the appeal; when nobody does, every executor of its agency. */
	private Flux<PushDevice> holderOrAgency(Appeal appeal, PushNoticeKind kind) {
		return (appeal.executor() != null) ? this.store.devicesOf(appeal.executor().id(), kind)
				: agencyStaff(appeal, Role.EXECUTOR, kind);
	}

	private Mono<Void> queue(Flux<PushDevice> devices, AppealEvent event, PushNoticeKind kind) {
		Appeal appeal = event.appeal();
		return devices.distinct(PushDevice::id)
			.concatMap(device -> queue(device, event.id(), kind, appeal.urgent(), appeal.id(), appeal.number(),
					PushTexts.title(kind, appeal.urgent()), PushTexts.appealBody(appeal.number(), appeal.category()),
					"/appeals/" + appeal.id()))
			.then();
	}

	/** Queues one notice for a device: urgent ones at once, others after the group window and quiet hours. */
	Mono<PushNotice> queue(PushDevice device, String eventId, PushNoticeKind kind, boolean urgent,
			@Nullable String appealId, @Nullable String number, String title, String body, String url) {
		Instant now = this.clock.instant();
		return this.store.settings(device.userId())
			.defaultIfEmpty(PushSettings.defaults(device.userId(), this.properties.zone()))
			.flatMap(settings -> {
				Instant due = null;
				if (!urgent) {
					Instant quietUntil = settings.quietUntil(now);
					due = (quietUntil != null) ? quietUntil : now.plus(this.properties.groupWindow());
				}
				PushNotice notice = new PushNotice(new ObjectId().toHexString(), device.id() + ":" + eventId + ":" + kind,
						device.id(), device.userId(), kind, urgent, appealId, number, title, body, url,
						PushNotice.State.PENDING, 0, due, null, now, null, null, null);
				return this.store.queue(notice);
			})
			.doOnNext(queued -> {
				if (queued.nextAttemptAt() == null) {
					this.sender.wake(queued.id());
				}
			});
	}

}
