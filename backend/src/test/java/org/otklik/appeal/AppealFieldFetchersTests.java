package org.otklik.appeal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.otklik.appeal.internal.AppealSlaCalculator;
import org.otklik.region.Category;
import org.otklik.sla.AppealSla;
import org.otklik.sla.SlaPolicy;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** {@code Appeal.sla} evaluates at the request's moment under cached policies, and loads them when expired. */
class AppealFieldFetchersTests {

	private static final Instant NOW = Instant.parse("2026-03-16T01:00:00Z");

	private final AppealSlaCalculator calculator = mock(AppealSlaCalculator.class);

	private final AppealFieldFetchers fetchers = new AppealFieldFetchers(this.calculator, Clock.fixed(NOW, ZoneOffset.UTC));

	private final SlaPolicy policy = mock(SlaPolicy.class);

	private final AppealSla evaluated = mock(AppealSla.class);

	@Test
	void anAppealWithoutClocksHasNoSla() {
		assertThat(this.fetchers.sla(appeal(null))).isNull();
		verifyNoInteractions(this.calculator);
	}

	@Test
	void cachedPoliciesAnswerAtOnce() {
		Appeal appeal = appeal(snapshot());
		when(this.calculator.cachedPolicyOf(appeal)).thenReturn(this.policy);
		when(this.calculator.evaluate(this.policy, appeal, NOW)).thenReturn(this.evaluated);

		assertThat(this.fetchers.sla(appeal)).isSameAs(this.evaluated);
	}

	@Test
	void expiredPoliciesAreLoadedFirst() {
		Appeal appeal = appeal(snapshot());
		when(this.calculator.cachedPolicyOf(appeal)).thenReturn(null);
		when(this.calculator.policyOf(appeal)).thenReturn(Mono.just(this.policy));
		when(this.calculator.evaluate(this.policy, appeal, NOW)).thenReturn(this.evaluated);

		Object value = this.fetchers.sla(appeal);

		assertThat(value).isInstanceOf(CompletableFuture.class);
		assertThat(((CompletableFuture<?>) value).join()).isSameAs(this.evaluated);
	}

	private static SlaSnapshot snapshot() {
		return new SlaSnapshot("SOCIAL", "Asia/Magadan", NOW, NOW, null, null, null, null, null, null, List.of(), null,
				List.of(), null, null, NOW);
	}

	private static Appeal appeal(SlaSnapshot sla) {
		return new Appeal("65f000000000000000000003", 1, AppealStatus.NEW, Channel.VK, "wall-3", null, null, "Яма",
				null, null, Category.OTHER, false, Reach.NONE, null, null, List.of(), List.of(), 0, 0, NOW, null, null,
				null, null, List.of(), "test", null, sla);
	}

}
