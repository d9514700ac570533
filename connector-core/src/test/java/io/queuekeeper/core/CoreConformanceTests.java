package io.queuekeeper.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.testing.ConformanceCase;
import io.queuekeeper.core.testing.ConformanceSuite;
import io.queuekeeper.core.testing.ObservedCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every recorded wire-compatibility case through the engine.
 */
class CoreConformanceTests {

	private final IntegrationConfigParser parser = new IntegrationConfigParser();

	@Test
	void everyRecordedCaseWhenEvaluatedByTheEngineThenMatchesTheRecording() {
		ConformanceSuite.Report report = ConformanceSuite.run("core", this::run);
		assertThat(report.passed()).isPositive();
		assertThat(report.failed()).as(report.failures()).isZero();
	}

	private List<String> run(ConformanceCase conformanceCase) {
		QueueConnector connector = new QueueConnector(new ConnectorSettings(conformanceCase.customerId(),
				conformanceCase.secretKey(), conformanceCase.clock()));
		IntegrationConfig config = this.parser.parse(conformanceCase.configJson());
		Decision decision = connector.evaluate(conformanceCase.toRequest(), config);
		List<String> diffs = new ArrayList<>();
		String outcome = "continue";
		String location = null;
		if (decision instanceof Decision.Redirect redirect) {
			outcome = "redirect";
			location = redirect.location();
		}
		else if (decision instanceof Decision.AjaxRedirect ajax) {
			outcome = "ajax-redirect";
			location = ajax.location();
		}
		check(diffs, "outcome", conformanceCase.outcome(), outcome);
		check(diffs, "location", conformanceCase.location(), location);
		check(diffs, "result", conformanceCase.result(), toMap(decision.result()));
		List<ObservedCookie> cookies = decision.cookies()
			.stream()
			.filter((cookie) -> !QueueConnector.DEBUG_COOKIE.equals(cookie.name()))
			.map(ObservedCookie::of)
			.toList();
		check(diffs, "setCookies", conformanceCase.setCookies(), cookies);
		return diffs;
	}

	private static Map<String, Object> toMap(ValidationResult result) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("actionType", (result.actionType() != null) ? result.actionType().wireName() : null);
		map.put("actionName", result.actionName());
		map.put("eventId", result.eventId());
		map.put("queueId", result.queueId());
		map.put("redirectType", result.redirectType());
		map.put("redirectUrl", result.redirectUrl());
		map.put("isAjax", result.ajax());
		return map;
	}

	private static void check(List<String> diffs, String what, Object expected, Object actual) {
		if (!java.util.Objects.equals(expected, actual)) {
			diffs.add(what + "\n      expected: " + expected + "\n      actual:   " + actual);
		}
	}

}
