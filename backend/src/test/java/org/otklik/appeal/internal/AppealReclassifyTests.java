package org.otklik.appeal.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.ClassificationChange;
import org.otklik.appeal.HistoryEntry;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.appeal.internal.AppealLifecycleTests.CALCULATOR;
import static org.otklik.appeal.internal.AppealLifecycleTests.CURATOR;
import static org.otklik.appeal.internal.AppealLifecycleTests.EXECUTOR;
import static org.otklik.appeal.internal.AppealLifecycleTests.FOREIGN;
import static org.otklik.appeal.internal.AppealLifecycleTests.FORMAL;
import static org.otklik.appeal.internal.AppealLifecycleTests.HEAD;
import static org.otklik.appeal.internal.AppealLifecycleTests.HEALTH;
import static org.otklik.appeal.internal.AppealLifecycleTests.T0;
import static org.otklik.appeal.internal.AppealLifecycleTests.inStatus;

/**
 * The curator's correction of an appeal's classification as the lifecycle rules decide it: who may, from
 * which statuses, and how a settlement is checked against the municipality it belongs to.
 */
class AppealReclassifyTests {

	/** A gazetteer of two settlements, standing in for routing's (the lifecycle only asks it). */
	static String settlementOf(Municipality municipality, String name) {
		String key = name.strip().toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
		if (municipality == Municipality.TENKINSKY && key.equals("усть-омчуг")) {
			return "Усть-Омчуг";
		}
		if (municipality == Municipality.YAGODNINSKY && (key.equals("ягодное") || key.equals("ягодном"))) {
			return "Ягодное";
		}
		return null;
	}

	static Decision decide(Appeal appeal, AppealCommand command, Actor actor) {
		return AppealLifecycle.decide(appeal, command, actor, new AppealLifecycle.Context(T0.plus(Duration.ofHours(1)),
				id -> HEALTH.equals(id), CALCULATOR.rules(FORMAL), AppealReclassifyTests::settlementOf));
	}

	static Appeal after(Appeal appeal, AppealCommand command) {
		Decision decision = decide(appeal, command, CURATOR);
		assertThat(decision).as(command.toString()).isInstanceOf(Decision.Changed.class);
		return ((Decision.Changed) decision).after();
	}

	static UserError refusal(Appeal appeal, AppealCommand command, Actor actor) {
		Decision decision = decide(appeal, command, actor);
		assertThat(decision).as(command.toString()).isInstanceOf(Decision.Refused.class);
		return ((Decision.Refused) decision).errors().get(0);
	}

	static HistoryEntry last(Appeal appeal) {
		return appeal.history().get(appeal.history().size() - 1);
	}

	@Test
	void aCuratorCorrectsAnAppealInWorkWithoutRoutingItAgain() {
		Appeal inWork = inStatus(AppealStatus.IN_PROGRESS);
		Appeal after = after(inWork, new AppealCommand.Reclassify(Category.ENERGY, Municipality.TENKINSKY, "усть-омчуг", true));
		assertThat(after.status()).isEqualTo(AppealStatus.IN_PROGRESS);
		assertThat(after.agencyId()).isEqualTo(inWork.agencyId());
		assertThat(after.executor()).isEqualTo(inWork.executor());
		assertThat(after.category()).isEqualTo(Category.ENERGY);
		assertThat(after.municipality()).isEqualTo(Municipality.TENKINSKY);
		assertThat(after.settlement()).isEqualTo("Усть-Омчуг");
		assertThat(after.urgent()).isTrue();
		assertThat(after.version()).isEqualTo(inWork.version() + 1);
		assertThat(after.lastEvent().type()).isEqualTo(AppealEventType.RECLASSIFIED);
		assertThat(last(after).type()).isEqualTo(AppealEventType.RECLASSIFIED);
		assertThat(last(after).classification()).isEqualTo(new ClassificationChange(Category.HOUSING_UTILITIES,
				Category.ENERGY, null, Municipality.TENKINSKY, false, true, null, "Усть-Омчуг"));
	}

	@Test
	void onlyWhatIsGivenChanges() {
		Appeal placed = after(inStatus(AppealStatus.ASSIGNED),
				new AppealCommand.Reclassify(null, Municipality.TENKINSKY, "Усть-Омчуг", null));
		Appeal after = after(placed, new AppealCommand.Reclassify(null, null, null, true));
		assertThat(after.category()).isEqualTo(placed.category());
		assertThat(after.municipality()).isEqualTo(Municipality.TENKINSKY);
		assertThat(after.settlement()).isEqualTo("Усть-Омчуг");
		assertThat(last(after).classification()).isEqualTo(new ClassificationChange(null, null, null, null, false, true));
	}

	@Test
	void aNewMunicipalityDropsASettlementOutsideItAndABlankOneRemovesIt() {
		Appeal placed = after(inStatus(AppealStatus.ASSIGNED),
				new AppealCommand.Reclassify(null, Municipality.TENKINSKY, "Усть-Омчуг", null));
		Appeal moved = after(placed, new AppealCommand.Reclassify(null, Municipality.YAGODNINSKY, null, null));
		assertThat(moved.settlement()).isNull();
		assertThat(last(moved).classification()).isEqualTo(new ClassificationChange(null, null, Municipality.TENKINSKY,
				Municipality.YAGODNINSKY, null, null, "Усть-Омчуг", null));
		Appeal named = after(moved, new AppealCommand.Reclassify(null, null, "Ягодном", null));
		assertThat(named.settlement()).isEqualTo("Ягодное");
		Appeal removed = after(named, new AppealCommand.Reclassify(null, null, "", null));
		assertThat(removed.settlement()).isNull();
		assertThat(removed.municipality()).isEqualTo(Municipality.YAGODNINSKY);
	}

	@Test
	void aSettlementOutsideTheMunicipalityOrWithoutOneIsRefused() {
		Appeal assigned = inStatus(AppealStatus.ASSIGNED);
		assertThat(assigned.municipality()).isNull();
		UserError noMunicipality = refusal(assigned, new AppealCommand.Reclassify(null, null, "Усть-Омчуг", null), CURATOR);
		assertThat(noMunicipality.code()).isEqualTo(UserErrorCode.INVALID);
		assertThat(noMunicipality.field()).containsExactly("input", "settlement");
		UserError elsewhere = refusal(assigned,
				new AppealCommand.Reclassify(Category.ENERGY, Municipality.TENKINSKY, "Ягодное", true), CURATOR);
		assertThat(elsewhere.code()).isEqualTo(UserErrorCode.INVALID);
		assertThat(elsewhere.message()).contains("Ягодное");
		UserError unknown = refusal(assigned, new AppealCommand.Reclassify(null, Municipality.TENKINSKY, "Атлантида", null),
				CURATOR);
		assertThat(unknown.code()).isEqualTo(UserErrorCode.INVALID);
	}

	@Test
	void anAssignmentChecksTheSettlementTheSameWay() {
		Appeal fresh = inStatus(AppealStatus.NEW);
		Appeal assigned = after(fresh, new AppealCommand.Assign(HEALTH, null, Municipality.YAGODNINSKY, null, "ягодное"));
		assertThat(assigned.settlement()).isEqualTo("Ягодное");
		assertThat(last(assigned).classification().toSettlement()).isEqualTo("Ягодное");
		assertThat(refusal(fresh, new AppealCommand.Assign(HEALTH, null, Municipality.TENKINSKY, null, "Ягодное"), CURATOR)
			.code()).isEqualTo(UserErrorCode.INVALID);
	}

	@Test
	void finishedAppealsKeepTheirClassification() {
		for (AppealStatus status : new AppealStatus[] { AppealStatus.CLOSED, AppealStatus.REJECTED }) {
			UserError error = refusal(inStatus(status), new AppealCommand.Reclassify(Category.ENERGY, null, null, null),
					CURATOR);
			assertThat(error.code()).as(status.name()).isEqualTo(UserErrorCode.ILLEGAL_TRANSITION);
		}
	}

	@Test
	void onlyCuratorsReclassify() {
		Appeal inWork = inStatus(AppealStatus.IN_PROGRESS);
		for (Actor actor : new Actor[] { EXECUTOR, HEAD, FOREIGN }) {
			assertThat(refusal(inWork, new AppealCommand.Reclassify(Category.ENERGY, null, null, true), actor).code())
				.as(actor.id()).isEqualTo(UserErrorCode.FORBIDDEN);
		}
	}

	@Test
	void aCorrectionThatChangesNothingIsRefused() {
		Appeal inWork = inStatus(AppealStatus.IN_PROGRESS);
		assertThat(refusal(inWork, new AppealCommand.Reclassify(inWork.category(), null, null, inWork.urgent()), CURATOR)
			.code()).isEqualTo(UserErrorCode.NO_CHANGE);
	}

}
