package org.otklik.storage;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Startup index creation asks again when a {@code createIndexes} goes unanswered, instead of waiting out its
 * whole bound and failing the start; and when no attempt is answered, the start still fails.
 */
class StartupIndexesTests {

	MongoServer server;

	/** Between the client and the server: swallows the first {@code swallow} createIndexes requests. */
	Swallowing proxy;

	MongoClient client;

	ReactiveMongoTemplate mongo;

	@BeforeEach
	void setUp() throws IOException {
		this.server = new MongoServer(new MemoryBackend());
		int port = this.server.bind().getPort();
		this.proxy = new Swallowing(port);
		this.client = MongoClients.create("mongodb://127.0.0.1:" + this.proxy.port());
		this.mongo = new ReactiveMongoTemplate(this.client, "otklik");
	}

	@AfterEach
	void tearDown() throws IOException {
		this.client.close();
		this.proxy.close();
		this.server.shutdownNow();
	}

	@Test
	void anUnansweredCreateIndexesIsAskedAgainAndTheIndexesExist() {
		this.proxy.swallow.set(1);
		var ops = this.mongo.indexOps("audit");
		StartupIndexes.create(Flux.just(unique("eventId"), unique("key")).concatMap(ops::createIndex).then(),
				Duration.ofSeconds(5), Duration.ofSeconds(60));

		assertThat(this.proxy.swallowed).hasSize(1);
		assertThat(this.proxy.createIndexes.get()).as("the swallowed one, its repetition and the second index")
			.isEqualTo(3);
		assertThat(ops.getIndexInfo().map(IndexInfo::getName).collectList().block(Duration.ofSeconds(30)))
			.contains("eventId", "key");
	}

	@Test
	void whenNoAttemptIsAnsweredStartupFails() {
		this.proxy.swallow.set(Integer.MAX_VALUE);
		var ops = this.mongo.indexOps("audit");
		assertThatThrownBy(() -> StartupIndexes.create(ops.createIndex(unique("eventId")), Duration.ofSeconds(2),
				Duration.ofSeconds(4)))
			.hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class);
		assertThat(this.proxy.swallowed).hasSize(2);
	}

	private static CompoundIndexDefinition unique(String field) {
		CompoundIndexDefinition index = new CompoundIndexDefinition(new Document(field, 1));
		index.named(field).unique();
		return index;
	}

	/** A TCP proxy that forwards wire messages whole, except createIndexes requests while it is told to swallow. */
	static final class Swallowing implements AutoCloseable {

		final AtomicInteger swallow = new AtomicInteger();

		final AtomicInteger createIndexes = new AtomicInteger();

		final List<String> swallowed = new CopyOnWriteArrayList<>();

		private final ServerSocket listening;

		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		Swallowing(int target) throws IOException {
			this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread accepting = new Thread(() -> {
				while (!this.listening.isClosed()) {
					try {
						Socket client = this.listening.accept();
						Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
						this.sockets.add(client);
						this.sockets.add(upstream);
						pump(client.getInputStream(), upstream.getOutputStream(), true);
						pump(upstream.getInputStream(), client.getOutputStream(), false);
					}
					catch (IOException ex) {
						return; // closed
					}
				}
			}, "swallowing-proxy");
			accepting.setDaemon(true);
			accepting.start();
		}

		int port() {
			return this.listening.getLocalPort();
		}

		private void pump(InputStream from, OutputStream to, boolean requests) {
			Thread thread = new Thread(() -> {
				try (DataInputStream in = new DataInputStream(from)) {
					while (true) {
						byte[] header = new byte[4];
						in.readFully(header);
						int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16
								| (header[3] & 0xff) << 24;
						byte[] rest = new byte[length - 4];
						in.readFully(rest);
						if (requests && new String(rest, StandardCharsets.ISO_8859_1).contains("createIndexes")) {
							this.createIndexes.incrementAndGet();
							if (this.swallow.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
								this.swallowed.add("createIndexes");
								continue; // never reaches the server: the client waits for an answer in vain
							}
						}
						synchronized (to) {
							to.write(header);
							to.write(rest);
							to.flush();
						}
					}
				}
				catch (IOException ex) {
					// a side closed the connection
				}
			}, "swallowing-proxy-pump");
			thread.setDaemon(true);
			thread.start();
		}

		@Override
		public void close() throws IOException {
			this.listening.close();
			for (Socket socket : this.sockets) {
				socket.close();
			}
		}

	}

}
