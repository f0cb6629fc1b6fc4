package org.otklik.incident.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.TestEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A batch of events takes the grouping's lease once for every {@link IncidentIntake#PER_LEASE} of them, not
 * once per event, and each event's grouping still runs once, in stream order, while the lease is held.
 */
class IncidentIntakeBatchTests {

	private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

	@Test
	void aBurstTakesTheLeaseOncePerChunkAndGroupsEveryAppealInOrder() {
		IncidentGrouping grouping = mock(IncidentGrouping.class);
		List<Integer> leases = new ArrayList<>();
		List<String> grouped = new ArrayList<>();
		boolean[] held = { false };
		when(grouping.exclusively(anyList())).thenAnswer(call -> {
			List<Supplier<Mono<Void>>> changes = call.getArgument(0);
			return Mono.defer(() -> {
				leases.add(changes.size());
				held[0] = true;
				return Flux.fromIterable(changes).concatMap(Supplier::get).then();
			}).doFinally(signal -> held[0] = false);
		});
		when(grouping.receivedHeld(any())).thenAnswer(call -> Mono.fromRunnable(() -> {
			assertThat(held[0]).as("the lease is held").isTrue();
			grouped.add(((Appeal) call.getArgument(0)).id());
		}));
		List<AppealEvent> events = IntStream.rangeClosed(1, IncidentIntake.PER_LEASE + 4)
			.mapToObj(n -> TestEvents.received(START, n))
			.toList();

		new IncidentIntake(grouping).handleAll(events).block();

		assertThat(leases).containsExactly(IncidentIntake.PER_LEASE, 4);
		assertThat(grouped).containsExactlyElementsOf(events.stream().map(e -> e.appeal().id()).toList());
	}

}
