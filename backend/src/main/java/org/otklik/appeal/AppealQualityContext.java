package org.otklik.appeal;

import org.otklik.quality.AppealTextLookup;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Gives the quality coach the text of an appeal the caller may see, as context for live hints. */
@Component
public class AppealQualityContext implements AppealTextLookup {

	private final AppealService appeals;

	private final CallerResolver callers;

	public AppealQualityContext(AppealService appeals, CallerResolver callers) {
		this.appeals = appeals;
		this.callers = callers;
	}

	@Override
	public Mono<String> appealText(String appealId) {
		return this.callers.current().flatMap(caller -> this.appeals.appeal(caller, appealId)).map(Appeal::text);
	}

}
