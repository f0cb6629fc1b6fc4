import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Build step of {@code package} (backend/pom.xml): extracts the fat jar into a plain class path (the app jar and
 * {@code lib/}) and writes a static class data sharing archive for it, so that a start maps the classes it needs
 * instead of finding, reading and verifying them one by one. Run as a single-file program
 * ({@code java CdsArchive.java <fat jar> <destination> <skip archive> <port> <timeout s>}) so that none of it
 * ships in the jar.
 * <p>
 * The archive is JDK 17's static one: a training start records the classes it loads
 * ({@code -XX:DumpLoadedClassList}), is stopped once healthy (the demo region loaded), and a separate JVM dumps
 * them ({@code -Xshare:dump}). JDK 17's dynamic dump at exit ({@code -XX:ArchiveClassesAtExit}) deadlocked in two
 * of three tries on the build machine (ADR 0013). The dump records the class path as absolute paths with the
 * jars' sizes and times: a start with another class path, changed jars or another JVM build maps nothing and
 * runs as without an archive, as does one whose archive is missing.
 * <p>
 * Extraction failing fails the build (the README's command would run old jars); training or dumping failing
 * only warns and leaves no archive.
 */
public class CdsArchive {

	/** The README's JVM flags: the classes a start loads depend a little on them (the collector's). */
	private static final List<String> TRAINING_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-XX:MinHeapFreeRatio=20");

	public static void main(String[] args) throws Exception {
		Path fatJar = Path.of(args[0]).toAbsolutePath();
		Path destination = Path.of(args[1]).toAbsolutePath();
		boolean skipArchive = Boolean.parseBoolean(args[2]);
		int port = Integer.parseInt(args[3]);
		long timeoutSeconds = Long.parseLong(args[4]);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

		// The README's "run it again" repackages the jar on every build; its entries' names, CRCs and sizes say
		// whether anything changed, so an unchanged build keeps the extracted jars and their archive (which the
		// archive's recorded jar times require) instead of another training start and dump.
		String fingerprint = fingerprint(fatJar, java, skipArchive);
		Path stamp = destination.resolve("cds-source.txt");
		String name = fatJar.getFileName().toString().replaceFirst("\\.jar$", "");
		if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint)
				&& Files.isRegularFile(destination.resolve(fatJar.getFileName()))
				&& (skipArchive || Files.isRegularFile(destination.resolve(name + ".jsa")))) {
			System.out.println("[cds] " + fatJar.getFileName() + " unchanged: keeping " + destination);
			return;
		}
		deleteTree(destination);
		run(List.of(java, "-Djarmode=tools", "-jar", fatJar.toString(), "extract", "--destination",
				destination.toString()), destination.getParent().resolve("cds-extract.log"), timeoutSeconds);
		Path appJar = destination.resolve(fatJar.getFileName());
		if (!Files.isRegularFile(appJar)) {
			throw new IllegalStateException("extraction wrote no " + appJar);
		}
		if (skipArchive) {
			Files.writeString(stamp, fingerprint);
			System.out.println("[cds] skip.cds=true: extracted layout in " + destination + ", no archive");
			return;
		}
		Path classList = destination.resolve(name + ".classlist");
		Path archive = destination.resolve(name + ".jsa");
		try {
			long began = System.nanoTime();
			double trainingCpu = train(java, appJar, classList, destination.resolve("cds-training.log"), port,
					timeoutSeconds);
			long trained = System.nanoTime();
			run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
					"-XX:SharedArchiveFile=" + archive, "-cp", appJar.toString()), destination.resolve("cds-dump.log"),
					timeoutSeconds);
			long lines;
			try (Stream<String> all = Files.lines(classList)) {
				lines = all.filter(line -> !line.startsWith("#")).count();
			}
			System.out.printf("[cds] %s: %d classes listed by a training start (healthy and stopped in %.1f s, "
					+ "%.1f s CPU to healthy), archive %d MB dumped in %.1f s; run with -XX:SharedArchiveFile=%s -jar %s%n",
					archive, lines,
					(trained - began) / 1e9, trainingCpu, Files.size(archive) >> 20, (System.nanoTime() - trained) / 1e9,
					archive, appJar);
			Files.writeString(stamp, fingerprint);
		}
		catch (Exception ex) {
			Files.deleteIfExists(archive);
			System.out.println("[WARNING] [cds] no class data archive (" + ex.getMessage()
					+ "); the app runs without it, only slower to start. Logs in " + destination);
		}
	}

	/**
	 * Starts the extracted app on a fresh data directory with the class list recorded, waits until health is UP
	 * (the demo region loaded, as a first start's health check sees it) and stops it with SIGTERM. Returns the
	 * training start's CPU seconds to healthy where /proc tells them, else NaN.
	 */
	private static double train(String java, Path appJar, Path classList, Path log, int port, long timeoutSeconds)
			throws Exception {
		Path data = Files.createTempDirectory("otklik-cds-");
		int httpPort = (port != 0) ? port : freePort();
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(TRAINING_FLAGS);
		command.addAll(List.of("-XX:DumpLoadedClassList=" + classList, "-jar", appJar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		// The developer's own settings (an external MONGODB_URI, a reset, a profile) must not reach the training.
		env.keySet().removeIf(key -> key.startsWith("OTKLIK_") || key.startsWith("SPRING_") || key.equals("MONGODB_URI"));
		env.put("PORT", String.valueOf(httpPort));
		env.put("OTKLIK_DATA_DIR", data.toString());
		Process app = builder.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
				.timeout(Duration.ofSeconds(30))
				.build();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
			for (;;) {
				if (!app.isAlive()) {
					throw new IllegalStateException("the training start exited with " + app.exitValue() + ", see " + log);
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the training start was not healthy in " + timeoutSeconds + " s");
				}
				try {
					HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
						break;
					}
				}
				catch (IOException notYet) {
					// Not listening yet.
				}
				Thread.sleep(200);
			}
			return cpuSeconds(app.pid());
		}
		finally {
			// SIGTERM: a clean exit writes the rest of the class list (the shutdown's classes included).
			app.destroy();
			if (!app.waitFor(120, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor();
			}
			deleteTree(data);
		}
	}

	/** What the extracted layout and its archive depend on: the jar's entries, the JVM and whether to dump. */
	private static String fingerprint(Path fatJar, String java, boolean skipArchive) throws IOException {
		StringBuilder entries = new StringBuilder();
		try (ZipFile zip = new ZipFile(fatJar.toFile())) {
			zip.stream().forEach(entry -> entries.append(entry.getName()).append(' ').append(entry.getCrc()).append(' ')
				.append(entry.getSize()).append('\n'));
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(entries.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest) + " " + java + " " + System.getProperty("java.vm.version") + " skip="
					+ skipArchive + " flags=" + TRAINING_FLAGS + "\n";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime in clock ticks, which are 1/100 s on Linux.
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void run(List<String> command, Path log, long timeoutSeconds) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new IllegalStateException(command.get(1) + " did not finish in " + timeoutSeconds + " s, see " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command.get(1) + " exited with " + process.exitValue() + ", see " + log);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> all = Files.walk(root)) {
			all.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
