package org.otklik.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves GraphiQL at {@code /graphiql} from the PWA build ({@code pwa/graphiql.html}, a second Vite entry),
 * instead of Boot's page, which loads GraphiQL from a public CDN and stays at «Loading…» on a network without
 * internet access. The bundled page signs requests with the PWA's stored session or a pasted token.
 */
@Configuration(proxyBeanMethods = false)
public class GraphiQlConfiguration {

	private static final Resource PAGE = new ClassPathResource("META-INF/resources/graphiql.html");

	@Bean
	RouterFunction<ServerResponse> graphiQl() {
		return RouterFunctions.route(RequestPredicates.GET("/graphiql"),
				request -> PAGE.exists()
						// Revalidated so a new deployment is picked up; its hashed scripts can be cached.
						? ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(PAGE)
						: ServerResponse.notFound().build());
	}

}
