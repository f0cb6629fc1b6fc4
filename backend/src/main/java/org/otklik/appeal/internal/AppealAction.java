package org.otklik.appeal.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.otklik.appeal.AppealStatus;
import org.otklik.security.Role;

import static org.otklik.appeal.AppealStatus.ANSWERED;
import static org.otklik.appeal.AppealStatus.ASSIGNED;
import static org.otklik.appeal.AppealStatus.CLOSED;
import static org.otklik.appeal.AppealStatus.IN_PROGRESS;
import static org.otklik.appeal.AppealStatus.NEW;
import static org.otklik.appeal.AppealStatus.ON_REVIEW;
import static org.otklik.appeal.AppealStatus.REJECTED;
import static org.otklik.security.Role.CURATOR;
import static org.otklik.security.Role.EXECUTOR;
import static org.otklik.security.Role.HEAD;

/**
 * The lifecycle table: for each action, the roles that may ask for it at all (checked at the service
 * boundary, before anything is read), who may do it to a given appeal, the statuses it is allowed from,
 * and what the caller is told otherwise. {@link AppealLifecycle} applies it to changes, and
 * {@code Appeal.viewerCan} is computed from it, so the PWA and the server cannot disagree.
 */
public enum AppealAction {

	// field of viewerCan | roles asking | who, on this appeal | from | refusal (and refusals in particular statuses)
	REJECT("reject", Set.of(CURATOR), Who.CURATOR, EnumSet.of(NEW, ASSIGNED),
			"Отклонить можно только новое или ещё не взятое в работу обращение"),
	ASSIGN("assign", Set.of(CURATOR), Who.CURATOR, EnumSet.of(NEW), "Назначить можно только новое обращение",
			Map.of(ASSIGNED, "Обращение уже направлено в ведомство; используйте переадресацию",
					IN_PROGRESS, "Обращение уже направлено в ведомство; используйте переадресацию")),
	REDIRECT("redirect", Set.of(CURATOR, EXECUTOR), Who.CURATOR_OR_AGENCY_EXECUTOR, EnumSet.of(ASSIGNED, IN_PROGRESS),
			"Переадресовать можно только назначенное обращение, пока ответ не отправлен"),
	TAKE("take", Set.of(EXECUTOR), Who.AGENCY_EXECUTOR, EnumSet.of(ASSIGNED), "Взять в работу можно только назначенное обращение"),
	// Only the executor who holds the appeal answers it (anyone of the agency while nobody does); the head
	// may answer any of the agency's appeals. AppealLifecycle.check applies the holder rule.
	ANSWER("answer", Set.of(EXECUTOR, HEAD), Who.AGENCY_STAFF, EnumSet.of(ASSIGNED, IN_PROGRESS),
			"Ответить на обращение в этом статусе нельзя", Map.of(ON_REVIEW, "Ответ уже на проверке в ЦУР")),
	APPROVE("approve", Set.of(CURATOR), Who.CURATOR, EnumSet.of(ON_REVIEW), "На проверке нет ответа"),
	RETURN("return", Set.of(CURATOR), Who.CURATOR, EnumSet.of(ON_REVIEW), "На проверке нет ответа"),
	CLOSE("close", Set.of(CURATOR), Who.CURATOR, EnumSet.of(ANSWERED), "Закрыть можно только обращение с одобренным ответом"),
	REOPEN("reopen", Set.of(CURATOR), Who.CURATOR, EnumSet.of(ANSWERED, CLOSED, REJECTED), "Обращение ещё не закрыто"),
	PAUSE("pause", Set.of(CURATOR, EXECUTOR), Who.CURATOR_OR_AGENCY_EXECUTOR, EnumSet.of(ASSIGNED, IN_PROGRESS),
			"Приостановить срок можно только у обращения в работе"),
	// A pause may outlive the status it began in (a final answer approved while waiting), so resuming is
	// allowed from any status; the guard is the open pause itself.
	RESUME("resume", Set.of(CURATOR, EXECUTOR), Who.CURATOR_OR_AGENCY_EXECUTOR, EnumSet.allOf(AppealStatus.class),
			"Срок не приостановлен"),
	EXTEND("extend", Set.of(CURATOR, EXECUTOR), Who.CURATOR_OR_AGENCY_EXECUTOR, EnumSet.of(ASSIGNED, IN_PROGRESS, ON_REVIEW),
			"Продлить срок можно только у обращения в работе"),
	// Only the system's SLA check announces thresholds; nothing is announced for a finished appeal.
	ANNOUNCE_SLA(null, Set.of(CURATOR), Who.SYSTEM, EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, ON_REVIEW), "Обращение завершено"),
	// The channel intake adds the citizen's further messages to an open appeal; a closed one gets a new appeal.
	ADD_MESSAGE(null, Set.of(CURATOR), Who.SYSTEM, EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, ON_REVIEW), "Обращение завершено"),
	// The channel delivery records where a published answer stands, whatever the appeal's status since.
	RECORD_DELIVERY(null, Set.of(CURATOR), Who.SYSTEM, EnumSet.allOf(AppealStatus.class), "—"),
	// A person who published an answer by hand says so; the guard is an answer that waits for it.
	MARK_PUBLISHED("markPublished", Set.of(CURATOR, EXECUTOR), Who.CURATOR_OR_AGENCY_EXECUTOR,
			EnumSet.allOf(AppealStatus.class), "Нет ответа, который нужно опубликовать вручную"),
	// Hand the appeal to a colleague of its agency: curators and the head always, an executor only what
	// they hold (AppealLifecycle.check applies the holder rule).
	REASSIGN("reassign", Set.of(CURATOR, HEAD, EXECUTOR), Who.CURATOR_OR_AGENCY_STAFF, EnumSet.of(ASSIGNED, IN_PROGRESS, ON_REVIEW),
			"Передать можно только обращение в работе ведомства"),
	// A curator corrects category, place or urgency of an appeal anyone still works on, without routing it
	// again; a closed or rejected appeal keeps the classification it was finished with.
	RECLASSIFY("reclassify", Set.of(CURATOR), Who.CURATOR, EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, ON_REVIEW, ANSWERED),
			"Изменить классификацию закрытого или отклонённого обращения нельзя"),
	// The head becomes the holder, for an appeal whose executor is absent.
	TAKE_OVER("takeOver", Set.of(HEAD), Who.AGENCY_HEAD, EnumSet.of(ASSIGNED, IN_PROGRESS, ON_REVIEW),
			"Взять себе можно только обращение в работе ведомства");

	private final String permission;

	private final Set<Role> roles;

	private final Who who;

	private final Set<AppealStatus> from;

	private final String refusal;

	private final Map<AppealStatus, String> refusalIn;

	AppealAction(String permission, Set<Role> roles, Who who, Set<AppealStatus> from, String refusal) {
		this(permission, roles, who, from, refusal, Map.of());
	}

	AppealAction(String permission, Set<Role> roles, Who who, Set<AppealStatus> from, String refusal,
			Map<AppealStatus, String> refusalIn) {
		this.permission = permission;
		this.roles = Set.copyOf(roles);
		this.who = who;
		this.from = Set.copyOf(from);
		this.refusal = refusal;
		this.refusalIn = Map.copyOf(refusalIn);
	}

	/** The field of {@code AppealPermissions} that shows this action, or null for the system's own. */
	public String permission() {
		return this.permission;
	}

	/** Roles of which the caller needs one to ask for this action at all. */
	public Set<Role> roles() {
		return this.roles;
	}

	public Who who() {
		return this.who;
	}

	/** Statuses the action is allowed from. */
	public Set<AppealStatus> from() {
		return this.from;
	}

	/** What the caller is told when the appeal's status does not allow the action. */
	public String refusal(AppealStatus status) {
		return this.refusalIn.getOrDefault(status, this.refusal);
	}

	/** Who may perform an action on a particular appeal. */
	public enum Who {

		/** ЦУР staff. */
		CURATOR,
		/** An executor of the agency now responsible for the appeal. */
		AGENCY_EXECUTOR,
		/** Either of the above. */
		CURATOR_OR_AGENCY_EXECUTOR,
		/** The head of the agency now responsible for the appeal. */
		AGENCY_HEAD,
		/** An executor or the head of the agency now responsible. */
		AGENCY_STAFF,
		/** A curator, or an executor or the head of the agency now responsible. */
		CURATOR_OR_AGENCY_STAFF,
		/** The system itself (it acts as a curator). */
		SYSTEM;

		boolean admits(Actor actor, org.otklik.appeal.Appeal appeal) {
			return switch (this) {
				case CURATOR, SYSTEM -> actor.isCurator();
				case AGENCY_EXECUTOR -> actor.isExecutorOf(appeal);
				case CURATOR_OR_AGENCY_EXECUTOR -> actor.isCurator() || actor.isExecutorOf(appeal);
				case AGENCY_HEAD -> actor.isHeadOf(appeal);
				case AGENCY_STAFF -> actor.isExecutorOf(appeal) || actor.isHeadOf(appeal);
				case CURATOR_OR_AGENCY_STAFF -> actor.isCurator() || actor.isExecutorOf(appeal) || actor.isHeadOf(appeal);
			};
		}

		/** What the caller is told when it is not the one who may. */
		String refusal(AppealAction action) {
			return switch (action) {
				case TAKE -> "Взять в работу может только исполнитель ответственного ведомства";
				case ANSWER -> "Ответить может только исполнитель или руководитель ответственного ведомства";
				case REASSIGN -> "Передать обращение может куратор ЦУР, руководитель или исполнитель ответственного ведомства";
				case TAKE_OVER -> "Взять обращение себе может только руководитель ответственного ведомства";
				case REDIRECT -> "Переадресовать может исполнитель ответственного ведомства или куратор ЦУР";
				default -> (this == CURATOR_OR_AGENCY_EXECUTOR)
						? "Это может сделать исполнитель ответственного ведомства или куратор ЦУР"
						: "Это может сделать только куратор ЦУР";
			};
		}

	}

}
