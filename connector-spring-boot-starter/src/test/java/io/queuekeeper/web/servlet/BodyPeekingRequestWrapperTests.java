package io.queuekeeper.web.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the wrapper lets body triggers see the body without taking it from the application,
 * on a plain servlet request (which, like Tomcat, does not parse PUT form bodies into
 * parameters).
 */
class BodyPeekingRequestWrapperTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	@Test
	void peekWhenNothingReadYetThenApplicationStillReadsTheWholeBody() throws IOException {
		BodyPeekingRequestWrapper wrapper = new BodyPeekingRequestWrapper(request("PUT", "text/plain", "0123456789"),
				4);
		assertThat(wrapper.peek()).isEqualTo("0123");
		assertThat(StreamUtils.copyToString(wrapper.getInputStream(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
	}

	@Test
	void peekWhenAFilterReadAPutFormBodyFirstThenTriggersSeeWhatItRead() throws IOException {
		BodyPeekingRequestWrapper wrapper = new BodyPeekingRequestWrapper(request("PUT", FORM, "sku=SUMMER-001&qty=1"),
				4096);
		assertThat(StreamUtils.copyToString(wrapper.getInputStream(), StandardCharsets.UTF_8))
			.isEqualTo("sku=SUMMER-001&qty=1");
		assertThat(wrapper.peek()).isEqualTo("sku=SUMMER-001&qty=1");
	}

	@Test
	void peekWhenAFilterReadTheBodyFirstThenOnlyTheLimitIsKept() throws IOException {
		BodyPeekingRequestWrapper wrapper = new BodyPeekingRequestWrapper(request("PATCH", FORM, "a=1&b=2&c=3"), 5);
		byte[] read = wrapper.getInputStream().readAllBytes();
		assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo("a=1&b=2&c=3");
		assertThat(wrapper.peek()).isEqualTo("a=1&b");
	}

	@Test
	void peekWhenPutFormNotReadByAnyFilterThenBodyIsReadFromTheStreamAndReplayed() throws IOException {
		BodyPeekingRequestWrapper wrapper = new BodyPeekingRequestWrapper(request("PUT", FORM, "sku=SUMMER-001"), 4096);
		assertThat(wrapper.peek()).isEqualTo("sku=SUMMER-001");
		assertThat(StreamUtils.copyToString(wrapper.getInputStream(), StandardCharsets.UTF_8))
			.isEqualTo("sku=SUMMER-001");
	}

	private static MockHttpServletRequest request(String method, String contentType, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/checkout");
		request.setContentType(contentType);
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
