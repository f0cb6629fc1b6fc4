package org.otklik.security.idp;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Forwards {@code /idp/**} from the public port to the embedded provider's local Tomcat, so browsers see one
 * origin and one port. Method, headers (cookies included), body, status, {@code Set-Cookie} and
 * {@code Location} pass through; the {@code X-Forwarded-*} headers are always set here from the request as
 * the main server saw it, never copied from the client, so a client cannot choose the URLs the provider
 * writes into its redirects.
 */
public class IdpProxy {

	/** Hop-by-hop headers (RFC 9110, section 7.6.1) and the ones this proxy sets itself. */
	private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
			"proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
			"forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto",
			"x-forwarded-prefix", "x-forwarded-ssl");

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final EmbeddedIdentityProvider provider;

	private final WebClient client;

	public IdpProxy(EmbeddedIdentityProvider provider) {
		this.provider = provider;
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
			.responseTimeout(TIMEOUT)
			.followRedirect(false);
		this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	public RouterFunction<ServerResponse> routes() {
		String path = EmbeddedIdentityProvider.CONTEXT_PATH;
		return RouterFunctions.route(RequestPredicates.path(path).or(RequestPredicates.path(path + "/**")),
				this::forward);
	}

	Mono<ServerResponse> forward(ServerRequest request) {
		int port = this.provider.port();
		if (port > 0) {
			return forward(request, port);
		}
		// The first request starts the provider and waits for it, however long a loaded machine takes: the
		// forwarding timeout below counts from the provider being up.
		return this.provider.ready()
			.map(java.util.Optional::of)
			// Stopping, or a start that failed (logged by the provider): the client may try again.
			.onErrorReturn(java.util.Optional.empty())
			.flatMap(started -> started.isPresent() ? forward(request, started.get())
					: ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").build());
	}

	private Mono<ServerResponse> forward(ServerRequest request, int port) {
		URI publicUri = request.exchange().getRequest().getURI();
		String rawQuery = publicUri.getRawQuery();
		URI target = URI.create("http://127.0.0.1:" + port + publicUri.getRawPath()
				+ ((rawQuery != null) ? "?" + rawQuery : ""));
		WebClient.RequestBodySpec spec = this.client.method(request.method())
			.uri(target)
			.headers(headers -> copyRequestHeaders(request, publicUri, headers));
		WebClient.RequestHeadersSpec<?> withBody = hasBody(request)
				? spec.body(BodyInserters.fromDataBuffers(request.bodyToFlux(DataBuffer.class))) : spec;
		return withBody.exchangeToMono(response -> relay(response, publicUri, port))
			.timeout(TIMEOUT)
			.onErrorResume(ex -> ServerResponse.status(HttpStatus.BAD_GATEWAY).build());
	}

	private static boolean hasBody(ServerRequest request) {
		HttpHeaders headers = request.headers().asHttpHeaders();
		return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

	private static void copyRequestHeaders(ServerRequest request, URI publicUri, HttpHeaders target) {
		request.headers().asHttpHeaders().forEach((name, values) -> {
			if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
				target.addAll(name, values);
			}
		});
		String scheme = publicUri.getScheme();
		int port = (publicUri.getPort() != -1) ? publicUri.getPort() : ("https".equals(scheme) ? 443 : 80);
		target.set("X-Forwarded-Proto", scheme);
		target.set("X-Forwarded-Host", publicUri.getHost() + ((publicUri.getPort() != -1) ? ":" + port : ""));
		target.set("X-Forwarded-Port", Integer.toString(port));
		target.set("X-Forwarded-Prefix", EmbeddedIdentityProvider.CONTEXT_PATH);
		request.remoteAddress()
			.ifPresent(address -> target.set("X-Forwarded-For", address.getAddress().getHostAddress()));
	}

	private static Mono<ServerResponse> relay(ClientResponse response, URI publicUri, int port) {
		// Provider responses are small pages and JSON documents; buffering keeps the body valid beyond
		// exchangeToMono, which releases the connection when it completes.
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
			ServerResponse.BodyBuilder builder = ServerResponse.status(response.statusCode()).headers(headers -> {
				response.headers().asHttpHeaders().forEach((name, values) -> {
					if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))
							&& !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
						headers.addAll(name, values);
					}
				});
				String location = headers.getFirst(HttpHeaders.LOCATION);
				if (location != null) {
					headers.set(HttpHeaders.LOCATION, publicLocation(location, publicUri, port));
				}
			});
			return (body.length == 0) ? builder.build() : builder.bodyValue(body);
		});
	}

	/** A safety net: should the provider ever name its private address, point the browser to the public one. */
	static String publicLocation(String location, URI publicUri, int port) {
		String privateOrigin = "http://127.0.0.1:" + port;
		if (location.startsWith(privateOrigin)) {
			String origin = publicUri.getScheme() + "://" + publicUri.getRawAuthority();
			return origin + location.substring(privateOrigin.length());
		}
		return location;
	}

}
