package io.queuekeeper.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards on what the starter ships besides code: the auto-configuration imports file, the
 * failure analyzer registration, and the generated configuration metadata.
 */
class StarterMetadataTests {

	private static final String IMPORTS = "META-INF/spring/"
			+ "org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void importsWhenReadThenEveryLineNamesALoadableAutoConfiguration() throws Exception {
		List<String> lines = ourImports();
		assertThat(lines).isNotEmpty().doesNotHaveDuplicates();
		for (String line : lines) {
			Class<?> type = ClassUtils.forName(line, this.classLoader);
			assertThat(MergedAnnotations.from(type).isPresent(AutoConfiguration.class))
				.as("%s is annotated @AutoConfiguration", line)
				.isTrue();
		}
	}

	@Test
	void importsWhenReadThenEachClassIsPublicFinalWithoutPublicMembers() throws Exception {
		for (String line : ourImports()) {
			Class<?> type = ClassUtils.forName(line, this.classLoader);
			assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", line).isTrue();
			assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", line).isTrue();
			assertThat(type.getConstructors()).as("public constructors of %s", line).isEmpty();
			assertThat(Arrays.stream(type.getDeclaredMethods())
				.filter((method) -> Modifier.isPublic(method.getModifiers()))).as("public methods of %s", line)
				.isEmpty();
		}
	}

	@Test
	void autoConfigurationClassesWhenScannedThenEachIsListedInImports() throws Exception {
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory(this.classLoader);
		List<String> found = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver(this.classLoader)
			.getResources("classpath*:io/queuekeeper/**/*.class")) {
			AnnotationMetadata metadata = readers.getMetadataReader(resource).getAnnotationMetadata();
			if (metadata.hasAnnotation(AutoConfiguration.class.getName())) {
				found.add(metadata.getClassName());
			}
		}
		assertThat(found).isNotEmpty();
		assertThat(ourImports()).containsExactlyInAnyOrderElementsOf(found);
	}

	@Test
	void springFactoriesWhenLoadedThenRegistersTheFailureAnalyzer() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(this.classLoader)
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(QueueItConfigurationFailureAnalyzer.class);
	}

	@Test
	void metadataWhenGeneratedThenDescribesTheMainProperties() throws IOException {
		Map<String, JsonNode> properties = ourMetadataProperties();
		for (String name : List.of("queueit.customer-id", "queueit.secret-key", "queueit.events",
				"queueit.request-body-limit", "queueit.cookie.same-site", "queueit.failure-policy",
				"queueit.integration-config.location", "queueit.exclusions.methods")) {
			assertThat(properties).containsKey(name);
			assertThat(properties.get(name).path("description").asText()).as("description of %s", name).isNotBlank();
		}
		assertThat(properties.get("queueit.request-body-limit").path("type").asText())
			.isEqualTo("org.springframework.util.unit.DataSize");
		assertThat(properties.get("queueit.request-body-limit").path("defaultValue").asText()).isEqualTo("4KB");
		assertThat(properties.get("queueit.failure-policy").path("defaultValue").asText()).isEqualTo("allow");
	}

	@Test
	void metadataWhenGeneratedThenEveryPropertyHasADescription() throws IOException {
		Map<String, JsonNode> properties = ourMetadataProperties();
		assertThat(properties).hasSizeGreaterThanOrEqualTo(12);
		properties
			.forEach((name, property) -> assertThat(property.path("description").asText()).as("description of %s", name)
				.isNotBlank()
				.doesNotStartWith("The "));
	}

	private List<String> ourImports() throws IOException {
		List<String> ours = new ArrayList<>();
		int files = 0;
		for (URL url : Collections.list(this.classLoader.getResources(IMPORTS))) {
			List<String> lines = read(url).lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
			if (lines.stream().anyMatch((line) -> line.startsWith("io.queuekeeper."))) {
				files++;
				ours.addAll(lines);
			}
		}
		assertThat(files).as("imports files of the starter").isOne();
		return ours;
	}

	private Map<String, JsonNode> ourMetadataProperties() throws IOException {
		ObjectMapper mapper = new ObjectMapper();
		for (URL url : Collections.list(this.classLoader.getResources(METADATA))) {
			JsonNode root = mapper.readTree(read(url));
			boolean ours = false;
			for (JsonNode group : root.path("groups")) {
				ours |= "queueit".equals(group.path("name").asText());
			}
			if (ours) {
				Map<String, JsonNode> properties = new LinkedHashMap<>();
				root.path("properties").forEach((property) -> properties.put(property.path("name").asText(), property));
				return properties;
			}
		}
		throw new AssertionError("No " + METADATA + " with the queueit group on the classpath");
	}

	private static String read(URL url) throws IOException {
		try (InputStream input = url.openStream()) {
			return StreamUtils.copyToString(input, StandardCharsets.UTF_8);
		}
	}

}
