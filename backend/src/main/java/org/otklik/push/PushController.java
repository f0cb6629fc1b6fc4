package org.otklik.push;

import org.jspecify.annotations.Nullable;
import org.otklik.graphql.Connection;
import org.otklik.push.PushService.DeletePushDeviceInput;
import org.otklik.push.PushService.DeletePushDevicePayload;
import org.otklik.push.PushService.PushDevicePayload;
import org.otklik.push.PushService.PushSettingsPayload;
import org.otklik.push.PushService.RegisterPushDeviceInput;
import org.otklik.push.PushService.UpdatePushDeviceInput;
import org.otklik.push.PushService.UpdatePushSettingsInput;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of web push; the rules are in {@link PushService}. */
@Controller
public class PushController {

	private final PushService push;

	private final CallerResolver callers;

	public PushController(PushService push, CallerResolver callers) {
		this.push = push;
		this.callers = callers;
	}

	@QueryMapping
	Mono<String> pushPublicKey() {
		return this.callers.current().map(this.push::publicKey);
	}

	@QueryMapping
	Mono<Connection<PushDevice>> pushDevices(@Argument @Nullable Integer first, @Argument @Nullable String after) {
		return this.callers.current().flatMap(caller -> this.push.devices(caller, first, after));
	}

	@QueryMapping
	Mono<PushSettings> pushSettings() {
		return this.callers.current().flatMap(this.push::settings);
	}

	@MutationMapping
	Mono<PushDevicePayload> registerPushDevice(@Argument RegisterPushDeviceInput input) {
		return this.callers.current().flatMap(caller -> this.push.register(caller, input));
	}

	@MutationMapping
	Mono<PushDevicePayload> updatePushDevice(@Argument UpdatePushDeviceInput input) {
		return this.callers.current().flatMap(caller -> this.push.update(caller, input));
	}

	@MutationMapping
	Mono<DeletePushDevicePayload> deletePushDevice(@Argument DeletePushDeviceInput input) {
		return this.callers.current().flatMap(caller -> this.push.delete(caller, input));
	}

	@MutationMapping
	Mono<PushSettingsPayload> updatePushSettings(@Argument UpdatePushSettingsInput input) {
		return this.callers.current().flatMap(caller -> this.push.updateSettings(caller, input));
	}

	@SchemaMapping(typeName = "PushDevice", field = "pushService")
	String pushService(PushDevice device) {
		return device.pushService();
	}

}
