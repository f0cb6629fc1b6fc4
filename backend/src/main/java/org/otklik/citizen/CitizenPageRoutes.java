package org.otklik.citizen;

import java.net.InetSocketAddress;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.otklik.citizen.CitizenService.RateOutcome;
import org.otklik.citizen.internal.ClientLimiter;
import org.otklik.citizen.internal.ClientLimiter.Kind;
import org.otklik.sla.SlaProperties;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The citizen's page: {@code GET /c/{token}} and {@code POST /c/{token}/rating} (a plain form, so it works
 * without script). No login: the unguessable token is the key. Each client address may view a limited
 * number of pages, try fewer unknown links and post fewer ratings per minute (429 in Russian beyond that).
 * An unknown link is 404 and a revoked one 410, both with a Russian page.
 */
@Configuration(proxyBeanMethods = false)
public class CitizenPageRoutes {

	private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

	@Bean
	RouterFunction<ServerResponse> citizenPage(CitizenService citizens, ClientLimiter limiter,
			CitizenProperties properties, SlaProperties sla) {
		Handler handler = new Handler(citizens, limiter, properties, sla.zone());
		return RouterFunctions.route()
			.GET("/c/{token}", handler::view)
			.POST("/c/{token}/rating", handler::rate)
			.build();
	}

	private record Handler(CitizenService citizens, ClientLimiter limiter, CitizenProperties properties, ZoneId zone) {

		Mono<ServerResponse> view(ServerRequest request) {
			String client = client(request);
			String token = request.pathVariable("token");
			if (this.limiter.exhausted(Kind.MISS, client, this.properties.missesPerMinute())) {
				return tooMany(60);
			}
			long wait = this.limiter.acquire(Kind.VIEW, client, this.properties.viewsPerMinute());
			if (wait > 0) {
				return tooMany(wait);
			}
			String notice = switch (request.queryParam("m").orElse("")) {
				case "rated" -> "Спасибо! Ваша оценка сохранена.";
				case "changed" -> "Спасибо! Оценка изменена.";
				default -> null;
			};
			return show(token, client, HttpStatus.OK, notice, false);
		}

		Mono<ServerResponse> rate(ServerRequest request) {
			String client = client(request);
			String token = request.pathVariable("token");
			if (this.limiter.exhausted(Kind.MISS, client, this.properties.missesPerMinute())) {
				return tooMany(60);
			}
			long wait = this.limiter.acquire(Kind.RATING, client, this.properties.ratingsPerMinute());
			if (wait > 0) {
				return tooMany(wait);
			}
			return request.formData().flatMap(form -> this.citizens
				.rate(token, form.getFirst("score"), form.getFirst("comment"))
				.flatMap(outcome -> switch (outcome) {
					case RATED, CHANGED -> ServerResponse.seeOther(java.net.URI.create("/c/" + token + "?m="
							+ (outcome == RateOutcome.RATED ? "rated" : "changed"))).headers(CitizenPageRoutes::secure).build();
					case BAD_SCORE -> show(token, client, HttpStatus.BAD_REQUEST, "Выберите оценку от 1 до 5.", true);
					case TOO_LONG -> show(token, client, HttpStatus.BAD_REQUEST,
							"Комментарий длиннее " + this.properties.commentMax() + " символов: сократите его.", true);
					case NOT_YET -> show(token, client, HttpStatus.CONFLICT,
							"Оценить ответ можно, когда ведомство даст окончательный ответ.", true);
					case WINDOW_CLOSED -> show(token, client, HttpStatus.CONFLICT, "Оценку можно изменить в течение "
							+ this.properties.changeWindow().toDays() + " дней после того, как вы её поставили; этот срок прошёл.", true);
					case GONE -> show(token, client, HttpStatus.NOT_FOUND, null, true);
				}));
		}

		private Mono<ServerResponse> show(String token, String client, HttpStatus status, @Nullable String notice,
				boolean error) {
			return this.citizens.page(token).flatMap(data -> {
				if (data.appeal() == null) {
					return page(HttpStatus.GONE, CitizenPage.message("Ссылка больше не действует",
							"Эту ссылку отозвали. Узнать, где сейчас обращение, можно в ведомстве или в Центре управления регионом: "
									+ "назовите номер обращения из ответа."));
				}
				CitizenRating rating = data.rating();
				boolean canRate = CitizenService.finallyAnswered(data.appeal());
				CitizenPage.Extras extras = new CitizenPage.Extras(notice, error, canRate,
						(rating != null) ? this.citizens.changeableUntil(rating) : null,
						rating == null || this.citizens.changeable(rating), this.properties.commentMax());
				return page(status, CitizenPage.render(token, data.appeal(), data.agency(), rating, this.zone, extras));
			}).switchIfEmpty(Mono.defer(() -> {
				// A guess (or a mistyped link): counted apart, so that guessing is cut off long before views are.
				long wait = this.limiter.acquire(Kind.MISS, client, this.properties.missesPerMinute());
				if (wait > 0) {
					return tooMany(wait);
				}
				return page(HttpStatus.NOT_FOUND, CitizenPage.message("Страница не найдена",
						"Такой ссылки нет. Проверьте её: ссылку на обращение присылают вместе с ответом ведомства."));
			}));
		}

		private static Mono<ServerResponse> tooMany(long seconds) {
			return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", Long.toString(seconds))
				.headers(CitizenPageRoutes::secure)
				.contentType(HTML)
				.bodyValue(CitizenPage.message("Слишком много запросов",
						"С вашего адреса пришло слишком много запросов. Повторите через минуту."));
		}

		private static Mono<ServerResponse> page(HttpStatus status, String html) {
			return ServerResponse.status(status).headers(CitizenPageRoutes::secure).contentType(HTML).bodyValue(html);
		}

		/**
		 * The client's address as the server sees it: behind a reverse proxy set
		 * {@code server.forward-headers-strategy}, so that it is the citizen's and not the proxy's.
		 */
		private static String client(ServerRequest request) {
			return request.remoteAddress()
				.map(InetSocketAddress::getAddress)
				.map(address -> address.getHostAddress())
				.orElse("unknown");
		}

	}

	/**
	 * Headers of every response: nothing cached or indexed, nothing else loads, and the token never leaves
	 * in a Referer to another site. {@code same-origin} rather than {@code no-referrer}: with the latter the
	 * browser posts the rating form with {@code Origin: null}, which WebFlux refuses as cross-origin (403).
	 */
	static void secure(org.springframework.http.HttpHeaders headers) {
		headers.set("Content-Security-Policy", CitizenPage.CSP);
		headers.set("Referrer-Policy", "same-origin");
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("X-Robots-Tag", "noindex, nofollow");
		headers.setCacheControl(CacheControl.noStore());
	}

}
