package io.queuekeeper.core;

import java.util.List;

import io.queuekeeper.core.internal.Strings;
import io.queuekeeper.core.internal.UrlCodec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue URL built from a memoised per-event prefix is byte for byte the URL built
 * from scratch, whichever events share, collide on or take over a slot of the table.
 */
class QueueUrlPrefixPropertyTests {

	private static final String VERSION = "v3-java-test";

	@Property(tries = 300)
	void queueWhenEventsRepeatAndCollideThenEveryUrlIsBuiltFromScratchBytes(
			@ForAll("events") List<EventSettings> events, @ForAll("targets") List<@Nullable String> targets,
			@ForAll("tokens") List<@Nullable String> tokens) {
		RedirectUrls urls = new RedirectUrls("acme co", VERSION);
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < events.size(); i++) {
				EventSettings event = events.get(i);
				String target = targets.get((i + round) % targets.size());
				String token = tokens.get((i + round) % tokens.size());
				assertThat(urls.queue(event, token, target)).isEqualTo(reference("acme co", event, token, target));
			}
		}
	}

	@Property(tries = 2000)
	void appendQueryEncodedWhenAnyTextThenSameAsQueryEncode(@ForAll("texts") String text) {
		StringBuilder out = new StringBuilder("x=");
		assertThat(UrlCodec.appendQueryEncoded(out, text).toString()).isEqualTo("x=" + UrlCodec.queryEncode(text));
	}

	private static String reference(String customerId, EventSettings event, @Nullable String token,
			@Nullable String target) {
		String domain = event.queueDomain();
		StringBuilder url = new StringBuilder(RedirectUrls.isLoopback(domain) ? "http://" : "https://").append(domain);
		if (!domain.endsWith("/")) {
			url.append('/');
		}
		url.append("?c=")
			.append(UrlCodec.queryEncode(customerId))
			.append("&e=")
			.append(UrlCodec.queryEncode(event.eventId()))
			.append("&ver=")
			.append(UrlCodec.queryEncode(VERSION))
			.append("&cver=")
			.append(event.version())
			.append("&man=")
			.append(UrlCodec.queryEncode(event.actionName()));
		if (!Strings.isBlank(event.culture())) {
			url.append("&cid=").append(UrlCodec.queryEncode(event.culture()));
		}
		if (!Strings.isBlank(event.layoutName())) {
			url.append("&l=").append(UrlCodec.queryEncode(event.layoutName()));
		}
		if (token != null) {
			url.append("&enqueuetoken=").append(token);
		}
		if (!Strings.isBlank(target)) {
			url.append("&t=").append(UrlCodec.queryEncode(target));
		}
		return url.toString();
	}

	@Provide
	Arbitrary<List<EventSettings>> events() {
		// Few distinct values, so that events share ids (and slots) but differ elsewhere.
		Arbitrary<String> ids = Arbitraries.of("e1", "e2", "drop event", "Ev", "ev", "é", "a", "b", "c", "d", "f", "g",
				"h", "i", "j", "k", "l", "m", "n", "o", "p");
		Arbitrary<String> domains = Arbitraries.of("acme.queue-it.net", "localhost:8080", "127.0.0.1/room/",
				"q.example.com/path");
		Arbitrary<@Nullable String> optional = Arbitraries.of("en-US", "", " ", "Drop layout", "Ünï").injectNull(0.2);
		Arbitrary<EventSettings> event = Combinators
			.combine(ids, domains, optional, optional, Arbitraries.integers().between(-1, 3),
					Arbitraries.of("Sneaker drop", "man*1", "Ünï"))
			.as((id, domain, culture, layout, version, name) -> new EventSettings(id, domain, null, true, true, 20,
					true, culture, layout, version, name));
		return event.list().ofMinSize(1).ofMaxSize(40);
	}

	@Provide
	Arbitrary<List<@Nullable String>> targets() {
		return texts().injectNull(0.2).list().ofMinSize(1).ofMaxSize(5);
	}

	@Provide
	Arbitrary<List<@Nullable String>> tokens() {
		return Arbitraries.strings()
			.alpha()
			.numeric()
			.withChars('.', '-', '_')
			.ofMaxLength(20)
			.injectNull(0.5)
			.list()
			.ofMinSize(1)
			.ofMaxSize(3);
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
				Arbitraries.strings().withChars("aZ09.-_~ *+&=?/%é€\uD83D\uDE00\uD800").ofMaxLength(40));
	}

}
