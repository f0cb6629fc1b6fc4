package org.otklik.audit;

import org.jspecify.annotations.Nullable;
import org.otklik.graphql.Connection;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry point of the audit log. */
@Controller
public class AuditController {

	private final AuditService audit;

	private final CallerResolver callers;

	public AuditController(AuditService audit, CallerResolver callers) {
		this.audit = audit;
		this.callers = callers;
	}

	@QueryMapping
	Mono<Connection<AuditEntry>> auditLog(@Argument AuditService.@Nullable AuditFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.callers.current().flatMap(caller -> this.audit.search(caller, filter, first, after));
	}

}
