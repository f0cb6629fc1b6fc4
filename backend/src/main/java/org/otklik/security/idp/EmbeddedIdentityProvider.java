package org.otklik.security.idp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.otklik.security.idp.server.IdpServer;
import org.otklik.security.idp.server.IdpServerSettings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs the embedded identity provider ({@link IdpServer}) in a child Spring application with its own
 * Tomcat on 127.0.0.1 and a random port, because Spring Authorization Server is servlet-only while the
 * API runs on WebFlux. Browsers never see that port: {@link IdpProxy} forwards {@code /idp/**} to it.
 * <p>
 * The child starts on first use, when {@link IdpProxy} forwards the first {@code /idp} request (a sign-in, a
 * token request, discovery), not with the application: it is a second Spring context with Tomcat, Spring
 * Security and the authorization server, which took 13 % of the main thread's start-up samples in a
 * profile, and whose classes, heap and threads an instance nobody signs in to (a fresh start probed for
 * health, an integration host using tokens it already has) does not need. That first request waits for
 * it, a few seconds once. The API
 * itself never needs the child: it validates tokens with the shared {@code IdentityKeys}. The child is
 * stopped after the main web server.
 */
public class EmbeddedIdentityProvider implements SmartLifecycle {

	/** The path under which the provider lives, both publicly and inside its own Tomcat. */
	public static final String CONTEXT_PATH = "/idp";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedIdentityProvider.class);

	private final IdpServerSettings settings;

	private final Object lock = new Object();

	/** Between the lifecycle's start and stop: while false, nothing starts the child. */
	private volatile boolean running;

	private volatile @Nullable ConfigurableApplicationContext context;

	private volatile int port = -1;

	/** The child's start in progress or done, shared by every request that waits for it; guarded by lock. */
	private @Nullable Mono<Integer> starting;

	public EmbeddedIdentityProvider(IdpServerSettings settings) {
		this.settings = settings;
	}

	/** The local port of the provider's Tomcat, or -1 while it is not running (not used yet, or stopped). */
	public int port() {
		return this.port;
	}

	/**
	 * The local port of the provider's Tomcat, starting the provider first if this is its first use. Every
	 * caller during the start waits for the same one; a failed start is logged and tried again by the next
	 * caller. Fails once the application is stopping.
	 */
	public Mono<Integer> ready() {
		int known = this.port;
		if (known > 0) {
			return Mono.just(known);
		}
		synchronized (this.lock) {
			if (!this.running) {
				return Mono.error(new IllegalStateException("The embedded identity provider is stopped"));
			}
			Mono<Integer> pending = this.starting;
			if (pending == null) {
				pending = Mono.fromCallable(this::startChild)
					// Starting a Spring context blocks for seconds: never on an event loop.
					.subscribeOn(Schedulers.boundedElastic())
					.doOnError(ex -> {
						log.error("The embedded identity provider did not start; the next /idp request tries again",
								ex);
						synchronized (this.lock) {
							this.starting = null;
						}
					})
					.cache();
				this.starting = pending;
			}
			return pending;
		}
	}

	public IdpServerSettings settings() {
		return this.settings;
	}

	/** Only allows the child to start: the first {@code /idp} request starts it ({@link #ready()}). */
	@Override
	public void start() {
		this.running = true;
		log.info("Embedded identity provider (demo only) starts on the first /idp request; issuer {}",
				this.settings.issuer());
	}

	private int startChild() {
		long started = System.nanoTime();
		SpringApplication application = new SpringApplication(IdpServer.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		// Logging belongs to the main application; a second LoggingApplicationListener would reset it
		// when the child stops.
		application.setListeners(application.getListeners()
			.stream()
			.filter(listener -> !(listener instanceof LoggingApplicationListener))
			.toList());
		application.setEnvironment(isolatedEnvironment());
		application.addInitializers(
				child -> child.getBeanFactory().registerSingleton("idpServerSettings", this.settings));
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		// Tomcat's threads inherit this thread's context class loader: the application's, as on the main thread.
		thread.setContextClassLoader(EmbeddedIdentityProvider.class.getClassLoader());
		ConfigurableApplicationContext child;
		try {
			child = application.run();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		int childPort = ((WebServerApplicationContext) child).getWebServer().getPort();
		synchronized (this.lock) {
			if (!this.running) {
				// The application stopped while the child was starting.
				child.close();
				throw new IllegalStateException("The embedded identity provider was stopped while it started");
			}
			this.context = child;
			this.port = childPort;
		}
		log.info("Embedded identity provider (demo only) started in {} ms on its first use; issuer {}",
				(System.nanoTime() - started) / 1_000_000, this.settings.issuer());
		return childPort;
	}

	@Override
	public void stop() {
		ConfigurableApplicationContext child;
		synchronized (this.lock) {
			this.running = false;
			this.starting = null;
			child = this.context;
			this.context = null;
			this.port = -1;
		}
		if (child != null) {
			child.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the main web server starts accepting requests, and stopped after it. */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
	}

	/**
	 * The child reads neither the application's configuration files nor environment variables, so that a
	 * {@code SERVER_PORT} meant for the main application cannot move the provider onto a public interface.
	 */
	private StandardEnvironment isolatedEnvironment() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.name", "otklik-embedded-idp");
		properties.put("spring.main.banner-mode", "off");
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", "0");
		properties.put("server.servlet.context-path", CONTEXT_PATH);
		// X-Forwarded-Host/Proto/Port/Prefix from IdpProxy make redirects and cookies use the public origin.
		properties.put("server.forward-headers-strategy", "framework");
		properties.put("server.servlet.session.timeout", this.settings.sessionTimeout().toSeconds() + "s");
		properties.put("server.servlet.session.cookie.name", IdpServer.SESSION_COOKIE);
		properties.put("server.servlet.session.cookie.http-only", "true");
		properties.put("server.servlet.session.cookie.same-site", "lax");
		properties.put("server.servlet.session.tracking-modes", "cookie");
		properties.put("server.error.include-stacktrace", "never");
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		sources.addFirst(new MapPropertySource("otklikEmbeddedIdp", properties));
		return environment;
	}

}
