package io.queuekeeper.core.roomq;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link TicketUrls} finds the {@code noq_t} parameter and whether a URL mentions it.
 */
class TicketUrlsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "https://s.example/p|NULL|false", "https://s.example/p?a=1|NULL|false",
					"https://s.example/p?noq_t=abc|abc|true", "https://s.example/p?a=1&noq_t=abc&b=2|abc|true",
					"https://s.example/p?noq_t=first&noq_t=second|first|true", "https://s.example/p?noq_t=|NULL|true",
					"https://s.example/p?noq_t|NULL|true", "https://s.example/p?NOQ_T=abc|NULL|true",
					"https://s.example/p?xnoq_t=abc|NULL|false", "https://s.example/p?noq_t=a%2Eb|a.b|true",
					"https://s.example/p?a=1#noq_t=abc|NULL|false", "https://s.example/noq_t=abc|NULL|false" })
	void ticketWhenUrlIsGivenThenReadsOnlyTheExactParameter(String url, String ticket, boolean mentions) {
		assertThat(TicketUrls.ticket(url)).isEqualTo(ticket);
		assertThat(TicketUrls.mentionsTicket(url)).isEqualTo(mentions);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "https://s.example/p?noq_t|https://s.example/p",
					"https://s.example/p?a=1&&noq_t=x&|https://s.example/p?a=1",
					"https://s.example/p?noq_t=x#frag|https://s.example/p#frag",
					"https://s.example/p?a=%20&noq_t=x&b=c+d|https://s.example/p?a=%20&b=c+d" })
	void withoutTicketWhenEdgeCasesThenOtherParametersKeepTheirBytes(String url, String cleaned) {
		assertThat(TicketUrls.withoutTicket(url)).isEqualTo(cleaned);
	}

}
