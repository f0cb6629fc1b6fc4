package org.otklik.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts mongo-java-server in-process when no {@code MONGODB_URI} is configured, so that the product
 * runs with one command. The oplog is switched on because live subscriptions are fed by a change stream,
 * exactly as on a real replica set; the application talks to it through the real driver over TCP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isBlank()")
public class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	// Closed by the server's shutdownNow.
	@Bean(destroyMethod = "")
	MongoBackend embeddedMongoBackend(StorageProperties properties) throws Exception {
		StorageProperties.Embedded embedded = properties.embedded();
		MongoBackend backend;
		if (embedded.backend() == StorageProperties.EmbeddedBackend.H2) {
			Path file = Path.of(embedded.path()).toAbsolutePath();
			Files.createDirectories(file.getParent());
			if (properties.resetDemo() && Files.deleteIfExists(file)) {
				log.warn("OTKLIK_RESET_DEMO=true: deleted {}; the demo region is loaded afresh (unset it to keep data)", file);
			}
			backend = DurableH2Backend.open(file);
			log.info("Embedded MongoDB server keeps its data in {} (use real MongoDB in production)", file);
		}
		else {
			backend = new AwaitingMemoryBackend();
		}
		return backend;
	}

	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(MongoBackend backend, StorageProperties properties) {
		log.info("The embedded server accepts non-unique indexes without building them and ignores aggregation "
				+ "cursor batch sizes; its warnings about both are switched off (see logging in application.yml)");
		MongoServer server = new MongoServer(backend);
		server.enableOplog();
		server.bind("127.0.0.1", properties.embedded().port());
		return server;
	}

	@Bean
	OplogTrimmer embeddedOplogTrimmer(MongoBackend backend, ObjectProvider<OplogReaders> readers,
			OplogProperties properties, Clock clock) {
		return new OplogTrimmer((OplogTrimming) backend, readers, properties, clock);
	}

	@Bean
	EmbeddedMongoMarker embeddedMongoMarker() {
		return new EmbeddedMongoMarker();
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server,
			@Value("${spring.mongodb.database:otklik}") String database) {
		var address = server.getLocalAddress();
		// The database is named in the URI so that every instance, embedded or not, uses the same one.
		var uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
		return () -> uri;
	}

	/** Present in the context when the embedded server runs; demo seeding keys off it. */
	public static final class EmbeddedMongoMarker {

	}

}
