package org.otklik.channel.internal;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.otklik.channel.ChannelAccount;
import org.otklik.channel.ChannelKind;
import org.otklik.channel.ChannelProperties;
import org.otklik.storage.EmbeddedMongoConfiguration.EmbeddedMongoMarker;
import org.otklik.storage.StorageProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** The channel clients by kind, and the box that keeps their tokens encrypted. */
@Component
public class ChannelConnections {

	private final Map<ChannelKind, ChannelClient> clients = new EnumMap<>(ChannelKind.class);

	private final SecretBox box;

	public ChannelConnections(ChannelProperties properties, JsonMapper json,
			StorageProperties storage, ObjectProvider<EmbeddedMongoMarker> embedded) {
		// Its own client: Boot 4 configures a WebClient.Builder only with the separate webclient module.
		Http http = new Http(WebClient.builder(), json, properties.requestTimeout());
		for (ChannelClient client : new ChannelClient[] { new VkChannel(http, properties),
				new TelegramChannel(http, properties), new MaxChannel(http, properties), new OkChannel(http, properties) }) {
			this.clients.put(client.kind(), client);
		}
		// The embedded default keeps a generated key beside its data; a real deployment sets the variable.
		boolean isEmbedded = embedded.getIfAvailable() != null;
		if (isEmbedded && storage.embedded().backend() == StorageProperties.EmbeddedBackend.MEMORY
				&& (properties.secretKey() == null || properties.secretKey().isBlank())) {
			this.box = SecretBox.ephemeral();
		}
		else {
			Path keyFile = isEmbedded
					? Path.of(storage.embedded().path()).toAbsolutePath().getParent().resolve("channel-secret.key") : null;
			this.box = SecretBox.of(properties.secretKey(), keyFile);
		}
	}

	public ChannelClient client(ChannelKind kind) {
		return this.clients.get(kind);
	}

	public SecretBox box() {
		return this.box;
	}

	/** The account's token in clear, or null if it has none or the key cannot open it. */
	public @Nullable String token(ChannelAccount account) {
		return open(account.token());
	}

	public @Nullable String secret(ChannelAccount account) {
		return open(account.secret());
	}

	private @Nullable String open(@Nullable String sealed) {
		if (sealed == null || !this.box.available()) {
			return null;
		}
		try {
			return this.box.open(sealed);
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

}
