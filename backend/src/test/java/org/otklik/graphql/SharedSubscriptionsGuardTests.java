package org.otklik.graphql;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.otklik.security.Caller;
import org.otklik.security.CallerResolver;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared subscription executions are safe only while every field below the root either ignores the caller,
 * reads no more of it than the sharing key holds (roles, agency, client), or is one of
 * {@link SharedSubscriptions#VIEWER_FIELDS}. This test finds every field resolver that reads the caller, so
 * a new one fails here until somebody has decided which of the two it is.
 */
class SharedSubscriptionsGuardTests {

	/**
	 * Resolvers reviewed to read the caller only for its roles, agency or client, all of which are in the
	 * sharing key: two members of a group get the same value.
	 */
	private static final Set<String> SCOPE_ONLY = Set.of(
			// Routing suggestions: integrators get null, staff get the suggestion; role only.
			"Appeal.routing", "RoutingSuggestion.agency",
			// A channel account's webhook secret is shown to curators, whoever they are; the check is the role.
			"ChannelAccount.webhookSecret",
			// Incidents: integrators get none; members are filtered by the caller's agency only.
			"Appeal.incident", "Incident.appeals",
			// The citizen's link: staff roles and the appeal's scope (curator, or the agency's staff) decide.
			"Appeal.citizenLink",
			// Internal notes: empty for integrators, the appeal's notes for staff who may read it (roles, agency).
			"Appeal.notes");

	private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

	@Test
	void everyFieldResolverThatReadsTheCallerIsReviewedForSharing() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.otklik");
		Map<String, String> readers = new TreeMap<>();
		for (JavaClass type : classes) {
			for (JavaMethod method : type.getMethods()) {
				String field = fieldOf(method);
				if (field != null && readsCaller(method)) {
					readers.put(field, type.getSimpleName() + "." + method.getName());
				}
			}
		}
		// The guard itself must see the resolvers it is about, or it would pass on nothing.
		assertThat(readers).containsKeys("Appeal.viewerCan");
		Map<String, String> unreviewed = new TreeMap<>(readers);
		unreviewed.keySet()
			.removeIf(field -> SCOPE_ONLY.contains(field)
					|| SharedSubscriptions.VIEWER_FIELDS.contains(field.substring(field.indexOf('.') + 1)));
		assertThat(unreviewed)
			.as("these resolvers read the caller: add each to SharedSubscriptions.VIEWER_FIELDS if its value "
					+ "depends on who the caller is, or to SCOPE_ONLY here if only on roles, agency or client")
			.isEmpty();
	}

	/** "Type.field" of a field resolver below the root, or null for anything else. */
	private static String fieldOf(JavaMethod javaMethod) {
		if (!javaMethod.isAnnotatedWith(SchemaMapping.class) && !javaMethod.isAnnotatedWith(BatchMapping.class)) {
			return null;
		}
		Method method = javaMethod.reflect();
		String typeName;
		String field;
		BatchMapping batch = AnnotatedElementUtils.findMergedAnnotation(method, BatchMapping.class);
		if (batch != null) {
			typeName = batch.typeName();
			field = batch.field();
		}
		else {
			SchemaMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, SchemaMapping.class);
			typeName = mapping.typeName();
			field = mapping.field();
		}
		if (typeName.isEmpty()) {
			SchemaMapping onClass = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(),
					SchemaMapping.class);
			typeName = (onClass != null) ? onClass.typeName() : "";
		}
		if (typeName.isEmpty() || ROOTS.contains(typeName)) {
			return null;
		}
		return typeName + "." + (field.isEmpty() ? method.getName() : field);
	}

	private static boolean readsCaller(JavaMethod method) {
		boolean byParameter = method.getRawParameterTypes()
			.stream()
			.anyMatch(type -> type.isAssignableTo(Caller.class) || type.isAssignableTo(Principal.class)
					|| type.isAssignableTo(Authentication.class));
		boolean byResolver = method.getMethodCallsFromSelf()
			.stream()
			.anyMatch(call -> call.getTargetOwner().isAssignableTo(CallerResolver.class)
					|| call.getTargetOwner().isAssignableTo(ReactiveSecurityContextHolder.class));
		return byParameter || byResolver;
	}

}
