package org.otklik.webhook;

import org.jspecify.annotations.Nullable;
import org.otklik.graphql.Connection;
import org.otklik.security.CallerResolver;
import org.otklik.webhook.WebhookService.DeleteWebhookInput;
import org.otklik.webhook.WebhookService.DeleteWebhookPayload;
import org.otklik.webhook.WebhookService.EnableWebhookInput;
import org.otklik.webhook.WebhookService.EnableWebhookPayload;
import org.otklik.webhook.WebhookService.RedeliverWebhookInput;
import org.otklik.webhook.WebhookService.RedeliverWebhookPayload;
import org.otklik.webhook.WebhookService.RegisterWebhookInput;
import org.otklik.webhook.WebhookService.RegisterWebhookPayload;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of the webhook feature; the rules are in {@link WebhookService}. */
@Controller
public class WebhookController {

	private final WebhookService webhooks;

	private final CallerResolver callers;

	public WebhookController(WebhookService webhooks, CallerResolver callers) {
		this.webhooks = webhooks;
		this.callers = callers;
	}

	@QueryMapping
	Mono<Connection<Webhook>> webhooks(@Argument @Nullable Integer first, @Argument @Nullable String after) {
		return this.callers.current().flatMap(caller -> this.webhooks.webhooks(caller, first, after));
	}

	@QueryMapping
	Mono<Connection<WebhookDelivery>> webhookDeliveries(@Argument String webhookId, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.callers.current().flatMap(caller -> this.webhooks.deliveries(caller, webhookId, first, after));
	}

	@MutationMapping
	Mono<RegisterWebhookPayload> registerWebhook(@Argument RegisterWebhookInput input) {
		return this.callers.current().flatMap(caller -> this.webhooks.register(caller, input));
	}

	@MutationMapping
	Mono<DeleteWebhookPayload> deleteWebhook(@Argument DeleteWebhookInput input) {
		return this.callers.current().flatMap(caller -> this.webhooks.delete(caller, input));
	}

	@MutationMapping
	Mono<EnableWebhookPayload> enableWebhook(@Argument EnableWebhookInput input) {
		return this.callers.current().flatMap(caller -> this.webhooks.enable(caller, input));
	}

	@MutationMapping
	Mono<RedeliverWebhookPayload> redeliverWebhook(@Argument RedeliverWebhookInput input) {
		return this.callers.current().flatMap(caller -> this.webhooks.redeliver(caller, input));
	}

}
