package org.otklik.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;
import org.otklik.channel.internal.ChannelAccounts;
import org.otklik.channel.internal.ChannelConnections;
import org.otklik.channel.internal.Inbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The channels' webhooks, {@code POST /channels/{vk|telegram|max|ok}/{accountId}}. Each checks the
 * channel's secret, stores the event in the inbox and answers at once; appeals are made from it
 * asynchronously, so the channel's time limit holds under any load and a repeated event adds nothing.
 */
@RestController
public class ChannelWebhookController {

	private final ChannelAccounts accounts;

	private final ChannelConnections connections;

	private final Inbox inbox;

	private final JsonMapper json;

	public ChannelWebhookController(ChannelAccounts accounts, ChannelConnections connections, Inbox inbox,
			JsonMapper json) {
		this.accounts = accounts;
		this.connections = connections;
		this.inbox = inbox;
		this.json = json;
	}

	/** VK Callback API: the confirmation string, or {@code ok} for every event VK must not resend. */
	@PostMapping(path = "/channels/vk/{accountId}", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<ResponseEntity<String>> vk(@PathVariable String accountId, @RequestBody(required = false) @Nullable String raw) {
		return account(ChannelKind.VK, accountId).flatMap(account -> {
			JsonNode body = parse(raw);
			if (body == null) {
				return Mono.just(ResponseEntity.badRequest().body("bad request"));
			}
			String groupId = text(body, "group_id");
			if (account.externalAccountId() != null && groupId != null
					&& !account.externalAccountId().replace("-", "").equals(groupId.replace("-", ""))) {
				return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).body("wrong group"));
			}
			if ("confirmation".equals(text(body, "type"))) {
				return Mono.just((account.confirmationCode() != null) ? ResponseEntity.ok(account.confirmationCode())
						: ResponseEntity.status(HttpStatus.NOT_FOUND).body("no confirmation code"));
			}
			String secret = this.connections.secret(account);
			if (secret != null && !same(secret, text(body, "secret"))) {
				return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).body("wrong secret"));
			}
			return store(account, body).thenReturn(ResponseEntity.ok("ok"));
		}).defaultIfEmpty(ResponseEntity.status(HttpStatus.NOT_FOUND).body("no such account"));
	}

	/** Telegram: the secret token set with {@code setWebhook} comes back in a header. */
	@PostMapping("/channels/telegram/{accountId}")
	Mono<ResponseEntity<String>> telegram(@PathVariable String accountId,
			@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) @Nullable String token,
			@RequestBody(required = false) @Nullable String raw) {
		return secured(ChannelKind.TELEGRAM, accountId, token, raw);
	}

	/** MAX: the subscription's secret comes back in a header. */
	@PostMapping("/channels/max/{accountId}")
	Mono<ResponseEntity<String>> max(@PathVariable String accountId,
			@RequestHeader(name = "X-Max-Bot-Api-Secret", required = false) @Nullable String secret,
			@RequestBody(required = false) @Nullable String raw) {
		return secured(ChannelKind.MAX, accountId, secret, raw);
	}

	/** Odnoklassniki signs nothing: the secret is a key in the webhook URL Otklik gives the curator. */
	@PostMapping("/channels/ok/{accountId}")
	Mono<ResponseEntity<String>> ok(@PathVariable String accountId,
			@RequestParam(name = "key", required = false) @Nullable String key,
			@RequestBody(required = false) @Nullable String raw) {
		return secured(ChannelKind.OK, accountId, key, raw);
	}

	private Mono<ResponseEntity<String>> secured(ChannelKind kind, String accountId, @Nullable String given,
			@Nullable String raw) {
		return account(kind, accountId).flatMap(account -> {
			String secret = this.connections.secret(account);
			// These channels always have a secret: without one, nobody could tell a forged event from a real one.
			if (secret == null || !same(secret, given)) {
				return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).body(""));
			}
			JsonNode body = parse(raw);
			if (body == null) {
				return Mono.just(ResponseEntity.badRequest().body(""));
			}
			return store(account, body).thenReturn(ResponseEntity.ok(""));
		}).defaultIfEmpty(ResponseEntity.status(HttpStatus.NOT_FOUND).body(""));
	}

	private Mono<ChannelAccount> account(ChannelKind kind, String accountId) {
		return this.accounts.byId(accountId).filter(account -> account.kind() == kind);
	}

	private Mono<Void> store(ChannelAccount account, JsonNode body) {
		if (!account.enabled()) {
			// A disabled account is answered as usual, so the channel does not keep retrying, and nothing is kept.
			return Mono.empty();
		}
		String key = this.connections.client(account.kind()).eventKey(body);
		return (key == null) ? Mono.empty() : this.inbox.accept(account, key, body).then();
	}

	private @Nullable JsonNode parse(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(raw);
			return node.isObject() ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString("");
	}

	/** Compares in constant time, so the secret cannot be guessed byte by byte from response times. */
	private static boolean same(String expected, @Nullable String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8));
	}

}
