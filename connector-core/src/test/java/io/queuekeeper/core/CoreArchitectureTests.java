package io.queuekeeper.core;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.enqueue.EnqueueTokenCodec;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.testing.TestRequest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps connector-core framework-free and free of threads and I/O (STYLE §1, §6), using
 * the plain ArchUnit library inside Jupiter tests.
 */
class CoreArchitectureTests {

	private static final String CORE = "io.queuekeeper.core..";

	private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("io.queuekeeper.core");

	private static final ArchRule ONLY_JDK_JACKSON_AND_JSPECIFY = classes().that()
		.resideInAPackage(CORE)
		.should()
		.onlyDependOnClassesThat(
				resideInAnyPackage("java..", "javax.crypto..", "com.fasterxml.jackson..", "org.jspecify..", CORE))
		.because("connector-core may use only the JDK, Jackson 2 and JSpecify (STYLE §1)");

	private static final ArchRule NO_WEB_FRAMEWORKS = noClasses().that()
		.resideInAPackage(CORE)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta..", "javax.servlet..", "reactor..",
				"com.github.benmanes..")
		.because("web stacks, Spring and Caffeine belong in the starter (STYLE §1)");

	private static final DescribedPredicate<JavaClass> THREADS_OR_IO = assignableTo(Thread.class)
		.or(nameMatching("java\\.lang\\.Thread(\\$.*)?"))
		.or(nameMatching("java\\.util\\.concurrent\\.Executor.*"))
		.or(assignableTo(Executor.class))
		.or(nameMatching("java\\.util\\.concurrent\\.CompletableFuture"))
		.or(assignableTo(Timer.class))
		.or(nameMatching("java\\.io\\.File.*"))
		.or(assignableTo(RandomAccessFile.class))
		.or(resideInAPackage("java.nio.file.."))
		.or(resideInAPackage("java.nio.channels.."))
		.or(resideInAPackage("java.net.http.."))
		.or(assignableTo(Socket.class))
		.or(assignableTo(ServerSocket.class))
		.or(assignableTo(DatagramSocket.class))
		.or(assignableTo(URLConnection.class))
		.as("threads, executors, files, sockets or HTTP clients");

	private static final ArchRule NO_THREADS_OR_IO = noClasses().that()
		.resideInAPackage(CORE)
		.should()
		.dependOnClassesThat(THREADS_OR_IO)
		.orShould()
		.callMethodWhere(target(declaredIn(URL.class)).and(target(nameMatching("open.*"))))
		.because("the request path never blocks or does I/O, and polling lives in the starter (STYLE §6)");

	@Test
	void importWhenScanningTheCoreThenFindsProductionClassesOnly() {
		assertThat(PRODUCTION_CLASSES.contain(QueueConnector.class)).isTrue();
		assertThat(PRODUCTION_CLASSES.contain(IntegrationConfigParser.class)).isTrue();
		assertThat(PRODUCTION_CLASSES.contain(HmacSha256.class)).isTrue();
		assertThat(PRODUCTION_CLASSES.contain(EnqueueTokenCodec.class)).isTrue();
		assertThat(PRODUCTION_CLASSES.contain(TestRequest.class)).isFalse();
		assertThat(PRODUCTION_CLASSES.contain(CoreArchitectureTests.class)).isFalse();
		assertThat(PRODUCTION_CLASSES).hasSizeGreaterThan(30);
	}

	@Test
	void checkWhenCoreIsImportedThenDependsOnlyOnJdkJacksonAndJspecify() {
		ONLY_JDK_JACKSON_AND_JSPECIFY.check(PRODUCTION_CLASSES);
	}

	@Test
	void checkWhenCoreIsImportedThenUsesNoWebFrameworkOrCache() {
		NO_WEB_FRAMEWORKS.check(PRODUCTION_CLASSES);
	}

	@Test
	void checkWhenCoreIsImportedThenStartsNoThreadsAndDoesNoIo() {
		NO_THREADS_OR_IO.check(PRODUCTION_CLASSES);
	}

	@Test
	void evaluateWhenClassesUseThreadsOrIoThenEachIsReported() {
		List<Class<?>> offenders = List.of(StartsThread.class, SubmitsToExecutor.class, UsesForkJoinPool.class,
				RunsAsync.class, SchedulesTimer.class, OpensFile.class, ReadsPath.class, UsesRandomAccessFile.class,
				OpensSocket.class, CallsHttpClient.class, OpensUrlConnection.class, OpensUrlStream.class);
		JavaClasses imported = new ClassFileImporter().importClasses(offenders);
		List<String> violations = NO_THREADS_OR_IO.evaluate(imported).getFailureReport().getDetails();
		for (Class<?> offender : offenders) {
			assertThat(violations).as(offender.getSimpleName())
				.anyMatch((line) -> line.contains(offender.getName() + "."));
		}
	}

	@Test
	void evaluateWhenClassUsesAnotherLibraryThenDependencyRuleReportsIt() {
		JavaClasses imported = new ClassFileImporter().importClasses(UsesAssertJ.class);
		assertThat(ONLY_JDK_JACKSON_AND_JSPECIFY.evaluate(imported).hasViolation()).isTrue();
	}

	@Test
	void evaluateWhenClassUsesThreadLocalAndMemoryStreamsThenNoRuleReportsIt() {
		JavaClasses imported = new ClassFileImporter().importClasses(StaysInMemory.class);
		assertThat(NO_THREADS_OR_IO.evaluate(imported).hasViolation()).isFalse();
		assertThat(ONLY_JDK_JACKSON_AND_JSPECIFY.evaluate(imported).hasViolation()).isFalse();
	}

	static final class StartsThread {

		void run() {
			new Thread(() -> {
			}).start();
		}

	}

	static final class SubmitsToExecutor {

		void run() {
			Executors.newSingleThreadExecutor().submit(() -> {
			});
		}

	}

	static final class UsesForkJoinPool {

		void run() {
			ForkJoinPool.commonPool().execute(() -> {
			});
		}

	}

	static final class RunsAsync {

		void run() {
			CompletableFuture.runAsync(() -> {
			});
		}

	}

	static final class SchedulesTimer {

		void run() {
			new Timer(true).cancel();
		}

	}

	static final class OpensFile {

		boolean run() {
			return new File("config.json").exists();
		}

	}

	static final class ReadsPath {

		String run() throws IOException {
			return Files.readString(Path.of("config.json"));
		}

	}

	static final class UsesRandomAccessFile {

		void run() throws IOException {
			new RandomAccessFile("config.json", "r").close();
		}

	}

	static final class OpensSocket {

		void run() throws IOException {
			new Socket("127.0.0.1", 80).close();
		}

	}

	static final class CallsHttpClient {

		Object run() {
			return HttpClient.newHttpClient();
		}

	}

	static final class OpensUrlConnection {

		URLConnection run() throws IOException {
			return URI.create("https://example.com").toURL().openConnection();
		}

	}

	static final class OpensUrlStream {

		void run() throws IOException {
			URI.create("https://example.com").toURL().openStream().close();
		}

	}

	static final class UsesAssertJ {

		Object run() {
			return Assertions.assertThat(1);
		}

	}

	static final class StaysInMemory {

		private final ThreadLocal<StringBuilder> buffers = ThreadLocal.withInitial(StringBuilder::new);

		byte[] run(int value) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(value);
			this.buffers.get().append(value);
			return out.toByteArray();
		}

	}

}
