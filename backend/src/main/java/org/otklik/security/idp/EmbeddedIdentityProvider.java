package org.otklik.security.idp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * The child is started just before the main web server and stopped after it.
 */
public class EmbeddedIdentityProvider implements SmartLifecycle {

	/** The path under which the provider lives, both publicly and inside its own Tomcat. */
	public static final String CONTEXT_PATH = "/idp";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedIdentityProvider.class);

	private final IdpServerSettings settings;

	private volatile ConfigurableApplicationContext context;

	private volatile int port = -1;

	public EmbeddedIdentityProvider(IdpServerSettings settings) {
		this.settings = settings;
	}

	/** The local port of the provider's Tomcat, or -1 while it is not running. */
	public int port() {
		return this.port;
	}

	public IdpServerSettings settings() {
		return this.settings;
	}

	@Override
	public void start() {
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
		this.context = application.run();
		this.port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		log.info("Embedded identity provider (demo only) started in {} ms; issuer {}",
				(System.nanoTime() - started) / 1_000_000, this.settings.issuer());
	}

	@Override
	public void stop() {
		ConfigurableApplicationContext running = this.context;
		this.port = -1;
		this.context = null;
		if (running != null) {
			running.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.context != null;
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
