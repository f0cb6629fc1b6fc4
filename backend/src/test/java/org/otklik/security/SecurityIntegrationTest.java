package org.otklik.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one application context that security integration tests share: the full application on a random
 * port with the embedded identity provider, in-memory storage, a fixed issuer and a small integrator rate
 * limit (buckets are per client, so only tests that use a client of their own ever reach it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "otklik.storage.embedded.backend=memory",
				"otklik.security.embedded-issuer-uri=" + SecurityIntegrationTest.ISSUER,
				"otklik.graphql.rate-limit.capacity=3", "otklik.graphql.rate-limit.period=3s",
				"spring.graphql.schema.locations=classpath:graphql/,classpath:graphql-security-test/" })
@Import(SecurityTestConfiguration.class)
public @interface SecurityIntegrationTest {

	/**
	 * The issuer both the embedded provider and the API use. The port is not the random one: an issuer is an
	 * identifier, and the tests call the provider directly, without discovery.
	 */
	String ISSUER = "http://localhost:8080/idp";

}
