package io.queuekeeper.simulator;

/**
 * HTML building blocks of the simulator's pages. Every value that comes from a request
 * goes through {@link #escape(String)}.
 */
final class Html {

	private static final String STYLE = "body{font-family:system-ui,sans-serif;background:#f4f6fb;color:#1d2330;margin:0}"
			+ "main{max-width:34rem;margin:4rem auto;background:#fff;border-radius:12px;padding:2rem;"
			+ "box-shadow:0 2px 12px rgba(0,0,0,.08)}h1{font-size:1.5rem;margin-top:0}"
			+ ".bar{background:#e3e7f0;border-radius:6px;height:14px;overflow:hidden}"
			+ ".bar div{background:#2f6fed;height:100%;transition:width .25s linear}"
			+ "code{background:#eef1f7;padding:0 .3rem;border-radius:4px}.muted{color:#69707f;font-size:.9rem}"
			+ "a.button{display:inline-block;margin-top:1rem;padding:.5rem 1rem;border-radius:6px;"
			+ "background:#2f6fed;color:#fff;text-decoration:none}";

	private Html() {
	}

	static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/**
	 * A whole page; {@code head} and {@code body} must already be escaped.
	 */
	static String page(String title, String head, String bodyAttributes, String body) {
		return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + "<title>" + escape(title)
				+ "</title><style>" + STYLE + "</style>" + head + "</head><body" + bodyAttributes + "><main>" + body
				+ "</main></body></html>\n";
	}

	static String link(String href, String text, String id) {
		return "<a class=\"button\" id=\"" + id + "\" href=\"" + escape(href) + "\">" + escape(text) + "</a>";
	}

	static String waitText(long seconds) {
		if (seconds < 60) {
			return "less than a minute (" + seconds + " s)";
		}
		return (seconds / 60) + " min " + (seconds % 60) + " s";
	}

}
