package org.otklik.web;

import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the PWA's {@code index.html} for its client-side routes, so a deep link such as
 * {@code /appeals/42} opened from a notification or a bookmark loads the app instead of a 404. Only
 * the PWA's own routes are matched; the API, GraphiQL, the identity provider and static files keep
 * their handlers. The route list mirrors {@code navigateFallbackAllowlist} in {@code pwa/vite.config.ts}.
 */
@Configuration(proxyBeanMethods = false)
public class SpaFallbackConfiguration {

	private static final Pattern SPA_ROUTES = Pattern
		.compile("^/(queue|appeals|moderation|review|dashboard|channels|profile|sign-in)(/.*)?$|^/auth/callback$");

	private static final Resource INDEX = new ClassPathResource("META-INF/resources/index.html");

	@Bean
	RouterFunction<ServerResponse> spaFallback() {
		RequestPredicate spaRoute = request -> SPA_ROUTES.matcher(request.path()).matches();
		return RouterFunctions.route(RequestPredicates.GET("/**").and(spaRoute).and(RequestPredicates.accept(MediaType.TEXT_HTML)),
				request -> INDEX.exists()
						// The shell must be revalidated so a new deployment is picked up; hashed assets can be cached.
						? ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(INDEX)
						: ServerResponse.notFound().build());
	}

}
