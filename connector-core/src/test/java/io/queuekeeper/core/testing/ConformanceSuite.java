package io.queuekeeper.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads every {@code *.jsonl} file of the conformance directory, runs each case through
 * one layer, and reports {@code conformance <file> <layer>: N passed, M failed}.
 */
public final class ConformanceSuite {

	/** Environment variable naming the directory of the cases. */
	public static final String DIRECTORY_VARIABLE = "QUEUEIT_CONFORMANCE_DIR";

	private static final String DEFAULT_VARIABLE = "QUEUEIT_CONFORMANCE_DEFAULT_DIR";

	private static final int FAILURES_SHOWN = 5;

	private ConformanceSuite() {
	}

	/**
	 * Returns the directory of the cases: {@code QUEUEIT_CONFORMANCE_DIR}, else the
	 * build's default ({@code ../shared/conformance} next to the repository).
	 * @throws IllegalStateException if the directory does not exist or has no case file
	 */
	public static Path directory() {
		String configured = System.getenv(DIRECTORY_VARIABLE);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv(DEFAULT_VARIABLE);
		}
		if (configured == null || configured.isBlank()) {
			configured = "../shared/conformance";
		}
		Path directory = Path.of(configured).toAbsolutePath().normalize();
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException("Conformance directory " + directory + " does not exist; set "
					+ DIRECTORY_VARIABLE + " to the folder holding the *.jsonl cases");
		}
		return directory;
	}

	/**
	 * Returns the case files, sorted by name.
	 */
	public static List<Path> files() {
		try (Stream<Path> paths = Files.list(directory())) {
			List<Path> files = paths.filter((path) -> path.getFileName().toString().endsWith(".jsonl"))
				.sorted()
				.toList();
			if (files.isEmpty()) {
				throw new IllegalStateException("No *.jsonl case file in " + directory());
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads the cases of one file.
	 */
	public static List<ConformanceCase> read(Path file) {
		ObjectMapper mapper = new ObjectMapper();
		List<ConformanceCase> cases = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					cases.add(new ConformanceCase(file.getFileName().toString(), mapper.readTree(line)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return cases;
	}

	/**
	 * Runs every case of every file through a layer, prints one line per file, and
	 * returns the report.
	 * @param layer the layer's name in the report
	 * @param runner returns the differences for a case (empty when it passes)
	 * @return the report of all files
	 */
	public static Report run(String layer, Function<ConformanceCase, List<String>> runner) {
		Report total = new Report();
		for (Path file : files()) {
			Report report = new Report();
			for (ConformanceCase conformanceCase : read(file)) {
				List<String> diffs;
				try {
					diffs = runner.apply(conformanceCase);
				}
				catch (RuntimeException ex) {
					diffs = List.of("threw " + ex);
				}
				report.add(conformanceCase, diffs);
			}
			System.out.println("conformance " + file.getFileName() + " " + layer + ": " + report.passed + " passed, "
					+ report.failed + " failed");
			report.failures.forEach(System.out::println);
			total.merge(report);
		}
		return total;
	}

	/**
	 * Counts of one run, with the first failures described.
	 */
	public static final class Report {

		private int passed;

		private int failed;

		private final List<String> failures = new ArrayList<>();

		void add(ConformanceCase conformanceCase, List<String> diffs) {
			if (diffs.isEmpty()) {
				this.passed++;
				return;
			}
			this.failed++;
			if (this.failures.size() < FAILURES_SHOWN) {
				this.failures.add("  FAIL " + conformanceCase.name() + " " + conformanceCase.about() + "\n    "
						+ String.join("\n    ", diffs));
			}
		}

		void merge(Report other) {
			this.passed += other.passed;
			this.failed += other.failed;
			this.failures.addAll(other.failures);
		}

		public int passed() {
			return this.passed;
		}

		public int failed() {
			return this.failed;
		}

		public String failures() {
			return String.join("\n", this.failures);
		}

	}

}
