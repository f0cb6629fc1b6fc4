package org.otklik.channel;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.ChannelSource;
import org.otklik.channel.ChannelService.AccountInput;
import org.otklik.channel.ChannelService.ChannelAccountPayload;
import org.otklik.channel.ChannelService.ConnectChannelAccountInput;
import org.otklik.channel.ChannelService.RetryDeliveryInput;
import org.otklik.channel.ChannelService.RetryDeliveryPayload;
import org.otklik.channel.ChannelService.UpdateChannelAccountInput;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of the channel feature; the rules are in {@link ChannelService}. */
@Controller
public class ChannelController {

	private final ChannelService channels;

	private final AgencyService agencies;

	private final CallerResolver callers;

	public ChannelController(ChannelService channels, AgencyService agencies, CallerResolver callers) {
		this.channels = channels;
		this.agencies = agencies;
		this.callers = callers;
	}

	@QueryMapping
	Mono<List<ChannelAccount>> channelAccounts() {
		return this.callers.current().flatMap(this.channels::accounts);
	}

	@MutationMapping
	Mono<ChannelAccountPayload> connectChannelAccount(@Argument ConnectChannelAccountInput input) {
		return this.callers.current().flatMap(caller -> this.channels.connect(caller, input));
	}

	@MutationMapping
	Mono<ChannelAccountPayload> updateChannelAccount(@Argument UpdateChannelAccountInput input) {
		return this.callers.current().flatMap(caller -> this.channels.update(caller, input));
	}

	@MutationMapping
	Mono<ChannelAccountPayload> disableChannelAccount(@Argument AccountInput input) {
		return this.callers.current().flatMap(caller -> this.channels.disable(caller, input));
	}

	@MutationMapping
	Mono<ChannelAccountPayload> checkChannelAccount(@Argument AccountInput input) {
		return this.callers.current().flatMap(caller -> this.channels.check(caller, input));
	}

	@MutationMapping
	Mono<RetryDeliveryPayload> retryDelivery(@Argument RetryDeliveryInput input) {
		return this.callers.current().flatMap(caller -> this.channels.retryDelivery(caller, input));
	}

	/** The account an appeal came through, as its card shows it. */
	@SchemaMapping(typeName = "AppealSource")
	Mono<ChannelAccount> account(ChannelSource source) {
		return this.channels.account(source.accountId());
	}

	@SchemaMapping(typeName = "ChannelAccount")
	Mono<Agency> agency(ChannelAccount account) {
		return this.agencies.byId(account.agencyId());
	}

	@SchemaMapping(typeName = "ChannelAccount")
	@Nullable String webhookUrl(ChannelAccount account) {
		return this.channels.webhookUrl(account);
	}

	/** Shown to curators only: the appeal card shows the account to anyone who sees the appeal. */
	@SchemaMapping(typeName = "ChannelAccount")
	Mono<String> webhookSecret(ChannelAccount account) {
		return this.callers.current()
			.filter(caller -> caller.isCurator())
			.flatMap(caller -> Mono.justOrEmpty(this.channels.webhookSecret(account)));
	}

}
