package org.otklik.appeal;

import org.otklik.security.Caller;
import reactor.core.publisher.Mono;

/**
 * Where reads of an author's personal data are recorded before the data is shown (152-ФЗ). Implemented by
 * the audit feature, which depends on appeals, not the other way round.
 */
public interface PersonalDataReads {

	/** Records that the caller is shown a personal-data field of the appeal; the data is shown after. */
	Mono<Void> record(Caller caller, String appealId, String field);

}
