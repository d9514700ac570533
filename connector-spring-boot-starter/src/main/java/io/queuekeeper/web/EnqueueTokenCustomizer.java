package io.queuekeeper.web;

import io.queuekeeper.core.enqueue.EnqueueTokenRequest;

/**
 * Callback that fills in the enqueue token of a queue redirect: the payload key, the
 * relative quality, custom data and the origin. It sees the request and, through
 * {@link EnqueueTokenRequest#principal()}, the authenticated user when the web stack
 * knows one (with Spring Security, the {@code Authentication}; {@code null} for an
 * anonymous visitor). Beans of this type are applied in their order on every queue
 * redirect of an event with {@code enqueue-token.enabled}, on either web stack, so they
 * must be fast and must not block.
 *
 * <pre class="code">
 * &#64;Bean
 * EnqueueTokenCustomizer inviteOnlyDrop() {
 *     return (token) -&gt; {
 *         if (token.eventId().equals("drop") &amp;&amp; token.principal() != null) {
 *             token.key(token.principal().getName())
 *                 .customData("tier", "member")
 *                 .origin(EnqueueTokenPayload.ORIGIN_INVITE_ONLY);
 *         }
 *     };
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EnqueueTokenCustomizer {

	/**
	 * Customizes the token about to be issued.
	 * @param token the token request of one redirect; valid only during this call
	 */
	void customize(EnqueueTokenRequest token);

}
