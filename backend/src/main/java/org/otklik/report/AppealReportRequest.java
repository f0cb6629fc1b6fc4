package org.otklik.report;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealInputs.AppealFilter;
import org.otklik.appeal.AppealInputs.AppealOrder;
import org.otklik.sla.SlaState;

/**
 * What to put in an appeal list report: the {@code appeals} query's filter and order, and the SLA state.
 *
 * @param filter the same criteria as {@code Query.appeals(filter:)}
 * @param order the same order as {@code Query.appeals(orderBy:)}
 * @param slaState only appeals whose worse deadline is in this state
 */
public record AppealReportRequest(AppealFilter filter, @Nullable AppealOrder order, @Nullable SlaState slaState) {

	/** The criteria for the audit log, without the free text a citizen's words might be in. */
	String describe() {
		StringBuilder out = new StringBuilder();
		append(out, "status", (this.filter.statuses() != null) ? String.join(",",
				this.filter.statuses().stream().map(Enum::name).toList()) : null);
		append(out, "agencyId", this.filter.agencyId());
		append(out, "category", this.filter.category());
		append(out, "channel", this.filter.channel());
		append(out, "municipality", this.filter.municipality());
		append(out, "urgent", this.filter.urgent());
		append(out, "receivedFrom", this.filter.receivedFrom());
		append(out, "receivedTo", this.filter.receivedTo());
		append(out, "text", (this.filter.text() != null) ? "(задан)" : null);
		append(out, "slaState", this.slaState);
		append(out, "orderBy", this.order);
		return out.toString();
	}

	private static void append(StringBuilder out, String name, @Nullable Object value) {
		if (value == null || (value instanceof List<?> list && list.isEmpty())) {
			return;
		}
		out.append(' ').append(name).append('=').append(value);
	}

}
