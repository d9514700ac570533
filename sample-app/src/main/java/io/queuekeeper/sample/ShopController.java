package io.queuekeeper.sample;

import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.ValidationResult;
import io.queuekeeper.web.QueueProtected;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The shop's pages. Which of them are queued is decided by the integration config
 * published in GO (every path containing {@code /sale}, Cancel on {@code /leave}) and by
 * {@link QueueProtected} on {@code /drop}; {@code /} and {@code /about} are never queued.
 *
 * @since 0.1.0
 */
@RestController
public class ShopController {

	private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

	// Follows Queue-it's AJAX protocol (spec 7): the call names the page it comes from,
	// and
	// a queued visitor gets an empty 200 with x-queueit-redirect, which the script
	// follows.
	private static final String AJAX_SCRIPT = "<script>document.getElementById('ajax-stock').addEventListener('click',"
			+ "function(){fetch('/api/sale/stock',{cache:'no-store',headers:{'x-queueit-ajaxpageurl':"
			+ "encodeURIComponent(location.href)}}).then(function(response){"
			+ "var queue=response.headers.get('x-queueit-redirect');"
			+ "if(queue){location.href=decodeURIComponent(queue.replace(/\\+/g,' '));return;}"
			+ "return response.text().then(function(text){document.getElementById('stock').textContent=text;});});});"
			+ "</script>";

	private final @Nullable String waitingRoom;

	private final boolean roomQ;

	/**
	 * Creates the controller.
	 * @param waitingRoom the local waiting room's URL, or empty when it is not running
	 * @param provider the waiting-room provider, {@code queue-it} or {@code roomq}
	 */
	public ShopController(@Value("${sample.simulator.url:}") String waitingRoom,
			@Value("${queueit.provider:queue-it}") String provider) {
		this.waitingRoom = waitingRoom.isEmpty() ? null : waitingRoom;
		this.roomQ = "roomq".equalsIgnoreCase(provider.trim());
	}

	/**
	 * The home page: not protected.
	 * @return the page
	 */
	@GetMapping(path = "/", produces = HTML)
	public String home() {
		String vendor = this.roomQ ? "NoQ RoomQ" : "Queue-it";
		String room = (this.waitingRoom != null)
				? "<p class=\"muted\">Waiting room: " + vendor + ", played by the local simulator on <code>"
						+ escape(this.waitingRoom) + "</code>.</p>"
				: "<p class=\"muted\">Waiting room: " + vendor + ".</p>";
		if (this.roomQ) {
			room += "<p class=\"muted\" id=\"provider-note\">RoomQ has no published triggers: it protects the"
					+ " <code>@QueueProtected(\"drop\")</code> pages only; the sale is not queued.</p>";
		}
		return page("Queuekeeper sample shop", "<h1 id=\"title\">Queuekeeper sample shop</h1>"
				+ "<p>Every way the starter protects a page:</p><ul>"
				+ "<li><a id=\"sale-link\" href=\"/sale\">Summer sale</a>: queued by the triggers published in GO</li>"
				+ "<li><a id=\"drop-link\" href=\"/drop\">Limited drop</a>: queued by <code>@QueueProtected(\"drop\")</code>,"
				+ " invite-only: <a id=\"login-link\" href=\"/login\">sign in</a> as <code>member</code> /"
				+ " <code>member</code> to be let into its line</li>"
				+ "<li><a id=\"about-link\" href=\"/about\">About</a>: never queued</li></ul>" + room);
	}

	/**
	 * The sale: queued by the published integration config.
	 * @param queue the connector's decision for this request
	 * @return the page
	 */
	@GetMapping(path = "/sale", produces = HTML)
	public String sale(@Nullable ValidationResult queue) {
		return salePage("Summer sale", queue, "<p><a id=\"item-link\" href=\"/sale/items/2\">See item 2</a></p>");
	}

	/**
	 * A second page of the sale, behind the same waiting room.
	 * @param id the item
	 * @param queue the connector's decision for this request
	 * @return the page
	 */
	@GetMapping(path = "/sale/items/{id}", produces = HTML)
	public String item(@PathVariable int id, @Nullable ValidationResult queue) {
		return salePage("Sale item " + id, queue, "<p><a id=\"sale-link\" href=\"/sale\">Back to the sale</a></p>");
	}

	/**
	 * Stock of the sale, called by the page's script; queued like the sale pages.
	 * @return the stock as JSON
	 */
	@GetMapping(path = "/api/sale/stock", produces = MediaType.APPLICATION_JSON_VALUE)
	public String stock() {
		return "{\"item\":2,\"inStock\":7}";
	}

	/**
	 * Where the Cancel action of the integration config sends a visitor back to.
	 * @param queue the connector's decision for this request
	 * @return the page
	 */
	@GetMapping(path = "/leave", produces = HTML)
	public String leave(@Nullable ValidationResult queue) {
		String state = (queue != null && queue.actionType() == ResultType.CANCEL) ? "You left the queue for the sale."
				: "You are not in the queue.";
		return page("Left the queue", "<h1 id=\"title\">" + state + "</h1>"
				+ "<p><a id=\"sale-link\" href=\"/sale\">Back to the sale</a> (you queue again)</p>" + homeLink());
	}

	/**
	 * The drop: queued in code.
	 * @param queue the connector's decision for this request
	 * @return the page
	 */
	@QueueProtected("drop")
	@GetMapping(path = "/drop", produces = HTML)
	public String drop(@Nullable ValidationResult queue) {
		return page("Limited drop", "<h1 id=\"title\">Limited drop</h1>" + through(queue)
				+ "<p><a id=\"details-link\" href=\"/drop/details\">Details</a></p>" + homeLink());
	}

	/**
	 * A second page of the drop, behind the same waiting room: a visitor who is through
	 * sees it without queuing again.
	 * @param queue the connector's decision for this request
	 * @return the page
	 */
	@QueueProtected("drop")
	@GetMapping(path = "/drop/details", produces = HTML)
	public String dropDetails(@Nullable ValidationResult queue) {
		return page("Drop details", "<h1 id=\"title\">Drop details</h1>" + through(queue)
				+ "<p><a id=\"drop-link\" href=\"/drop\">Back to the drop</a></p>" + homeLink());
	}

	/**
	 * A page that is never queued.
	 * @return the page
	 */
	@GetMapping(path = "/about", produces = HTML)
	public String about() {
		return page("About", "<h1 id=\"title\">About this shop</h1><p>This page is not protected.</p>" + homeLink());
	}

	private static String salePage(String title, @Nullable ValidationResult queue, String links) {
		return page(title,
				"<h1 id=\"title\">" + escape(title) + "</h1>" + through(queue) + links
						+ "<p><button id=\"ajax-stock\" type=\"button\">Check stock (AJAX)</button> "
						+ "<output id=\"stock\"></output></p>"
						+ "<p><a id=\"leave-link\" href=\"/leave\">Leave the queue</a></p>" + homeLink() + AJAX_SCRIPT);
	}

	private static String through(@Nullable ValidationResult queue) {
		if (queue == null || queue.queueId() == null) {
			return "<p id=\"queue-state\">You were let in without a queue id.</p>";
		}
		return "<p id=\"queue-state\">You are through the waiting room. Queue id <code id=\"queue-id\">"
				+ escape(queue.queueId()) + "</code></p>";
	}

	private static String homeLink() {
		return "<p><a id=\"home-link\" href=\"/\">Home</a></p>";
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value);
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
				+ "</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;color:#1d2330}"
				+ "code{background:#eef1f7;padding:0 .3rem}.muted{color:#69707f}</style></head><body>" + body
				+ "</body></html>\n";
	}

}
