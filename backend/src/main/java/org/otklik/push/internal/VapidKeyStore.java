package org.otklik.push.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import org.bson.Document;
import org.otklik.push.PushProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The VAPID key pair: from settings in production; otherwise generated on the first start and stored, so
 * that every instance and every restart signs with the same pair (a new pair would orphan every browser's
 * subscription, which is bound to the public key it was made with). Concurrent first starts converge on
 * whichever pair was stored first.
 */
@Component
public class VapidKeyStore {

	private static final Logger log = LoggerFactory.getLogger(VapidKeyStore.class);

	static final String COLLECTION = "push_keys";

	static final String ID = "vapid";

	private final WebPush webPush;

	public VapidKeyStore(PushProperties properties, ReactiveMongoTemplate mongo) {
		PushProperties.Vapid vapid = properties.vapid();
		VapidKeys keys;
		if (vapid.configured()) {
			keys = VapidKeys.fromUncompressedBytes(vapid.publicKey(), vapid.privateKey());
		}
		else {
			// Startup only, never on a request path.
			keys = stored(mongo).block(Duration.ofSeconds(60));
		}
		this.webPush = new WebPush(vapid.subjectOrDefault(), keys);
	}

	private static Mono<VapidKeys> stored(ReactiveMongoTemplate mongo) {
		return mongo.findById(ID, Document.class, COLLECTION).switchIfEmpty(Mono.defer(() -> {
			VapidKeys generated = VapidKeys.generate();
			Document document = new Document("_id", ID).append("publicKey", generated.getX509PublicKey())
				.append("privateKey", generated.getPkcs8PrivateKey())
				.append("createdAt", Instant.now());
			log.info("Generated the VAPID key pair of web push and stored it; set otklik.push.vapid.* in production");
			return mongo.insert(document, COLLECTION)
				.onErrorResume(DuplicateKeyException.class, ex -> mongo.findById(ID, Document.class, COLLECTION));
		})).map(document -> VapidKeys.create(document.getString("publicKey"), document.getString("privateKey")));
	}

	/** The library's encryption and VAPID header maker (no HTTP of its own is used). */
	public WebPush webPush() {
		return this.webPush;
	}

	/** The public key as the browser's {@code applicationServerKey}: uncompressed point, base64url. */
	public String publicKey() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(this.webPush.getVapidKeys().getApplicationServerKey());
	}

}
