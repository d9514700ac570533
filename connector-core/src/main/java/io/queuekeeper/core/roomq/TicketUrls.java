package io.queuekeeper.core.roomq;

import io.queuekeeper.core.internal.UrlCodec;
import org.jspecify.annotations.Nullable;

/**
 * The URL handling of RoomQ's protocol: reading the {@code noq_t} parameter, removing it,
 * and building the redirect to the ticket issuer.
 */
final class TicketUrls {

	static final String TICKET = "noq_t";

	static final String ROOM = "noq_c";

	static final String RETURN = "noq_r";

	private TicketUrls() {
	}

	/**
	 * Returns the decoded value of the first query parameter named exactly {@code noq_t},
	 * or {@code null} when there is none or it is empty.
	 */
	static @Nullable String ticket(String url) {
		int query = url.indexOf('?');
		if (query < 0) {
			return null;
		}
		int end = queryEnd(url, query);
		int start = query + 1;
		while (start <= end) {
			int stop = indexOf(url, '&', start, end);
			int nameEnd = indexOf(url, '=', start, stop);
			if (nameEnd - start == TICKET.length() && url.startsWith(TICKET, start)) {
				if (nameEnd >= stop - 1) {
					return null;
				}
				return UrlCodec.formDecodeLenient(url.substring(nameEnd + 1, stop));
			}
			start = stop + 1;
		}
		return null;
	}

	/**
	 * Whether the query has a parameter named {@code noq_t} in any ASCII letter case.
	 */
	static boolean mentionsTicket(String url) {
		int query = url.indexOf('?');
		if (query < 0) {
			return false;
		}
		int end = queryEnd(url, query);
		int start = query + 1;
		while (start <= end) {
			int stop = indexOf(url, '&', start, end);
			if (isTicketName(url, start, indexOf(url, '=', start, stop))) {
				return true;
			}
			start = stop + 1;
		}
		return false;
	}

	/**
	 * Returns the URL without any query parameter named {@code noq_t} in any ASCII letter
	 * case. Unlike RoomQ's SDKs, only whole parameter names match, so {@code xnoq_t} and
	 * path segments stay. Other parameters keep their bytes and order; empty parameters
	 * are dropped; a query left empty loses its {@code ?}.
	 */
	static String withoutTicket(String url) {
		if (!mentionsTicket(url)) {
			return url;
		}
		int query = url.indexOf('?');
		int end = queryEnd(url, query);
		StringBuilder out = new StringBuilder(url.length());
		out.append(url, 0, query);
		int kept = 0;
		int start = query + 1;
		while (start <= end) {
			int stop = indexOf(url, '&', start, end);
			if (stop > start && !isTicketName(url, start, indexOf(url, '=', start, stop))) {
				out.append((kept++ == 0) ? '?' : '&').append(url, start, stop);
			}
			start = stop + 1;
		}
		out.append(url, end, url.length());
		return out.toString();
	}

	/**
	 * Returns {@code issuer?noq_t=…&noq_c=…&noq_r=…}, each value form-encoded (space as
	 * {@code +}, upper-case hex), in that order.
	 */
	static String issuerRedirect(String issuer, String token, String roomId, String returnUrl) {
		return issuer + '?' + TICKET + '=' + UrlCodec.formEncode(token) + '&' + ROOM + '=' + UrlCodec.formEncode(roomId)
				+ '&' + RETURN + '=' + UrlCodec.formEncode(returnUrl);
	}

	private static boolean isTicketName(String url, int start, int end) {
		return end - start == TICKET.length() && url.regionMatches(true, start, TICKET, 0, TICKET.length());
	}

	private static int queryEnd(String url, int query) {
		int hash = url.indexOf('#', query);
		return (hash >= 0) ? hash : url.length();
	}

	private static int indexOf(String value, char c, int from, int to) {
		int found = value.indexOf(c, from);
		return (found < 0 || found > to) ? to : found;
	}

}
