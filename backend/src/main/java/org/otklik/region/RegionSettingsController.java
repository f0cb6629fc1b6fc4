package org.otklik.region;

import org.otklik.region.RegionSettingsService.UpdateRegionSettingsInput;
import org.otklik.region.RegionSettingsService.UpdateRegionSettingsPayload;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of the region's review settings. */
@Controller
class RegionSettingsController {

	private final RegionSettingsService settings;

	private final CallerResolver callers;

	RegionSettingsController(RegionSettingsService settings, CallerResolver callers) {
		this.settings = settings;
		this.callers = callers;
	}

	@QueryMapping
	Mono<RegionSettings> regionSettings() {
		return this.callers.current().flatMap(this.settings::settings);
	}

	@MutationMapping
	Mono<UpdateRegionSettingsPayload> updateRegionSettings(@Argument UpdateRegionSettingsInput input) {
		return this.callers.current().flatMap(caller -> this.settings.update(caller, input));
	}

}
