package org.otklik.audit;

import org.otklik.appeal.PersonalDataReads;
import org.otklik.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Personal-data reads go into the audit log as {@code PERSONAL_DATA_READ}. */
@Component
class AuditedPersonalDataReads implements PersonalDataReads {

	private final AuditService audit;

	AuditedPersonalDataReads(AuditService audit) {
		this.audit = audit;
	}

	@Override
	public Mono<Void> record(Caller caller, String appealId, String field) {
		return this.audit.record(caller, AuditAction.PERSONAL_DATA_READ, appealId, field);
	}

}
