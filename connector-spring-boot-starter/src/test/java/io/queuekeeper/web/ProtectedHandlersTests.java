package io.queuekeeper.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.core.annotation.AnnotatedElementUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding {@link QueueProtected} on handlers, once per handler method and class.
 */
class ProtectedHandlersTests {

	private final List<String> lookups = new ArrayList<>();

	private final ProtectedHandlers handlers = new ProtectedHandlers(this::countedLookup);

	@Test
	void findWhenHandlerIsAskedForAgainThenAnnotationIsLookedUpOnce() throws NoSuchMethodException {
		Method vip = Shop.class.getMethod("vip");
		for (int i = 0; i < 3; i++) {
			assertThat(this.handlers.find(vip, Shop.class)).extracting(QueueProtected::event).isEqualTo("vip");
			// getMethod returns a new, equal Method object each time.
			assertThat(this.handlers.find(Shop.class.getMethod("open"), Shop.class)).isNull();
		}
		assertThat(this.lookups).containsExactly("Shop.vip", "Shop.open");
	}

	@Test
	void findWhenInheritedMethodServesAnotherClassThenThatClassIsLookedUpToo() throws NoSuchMethodException {
		Method open = Shop.class.getMethod("open");
		assertThat(this.handlers.find(open, Shop.class)).isNull();
		assertThat(this.handlers.find(open, SaleShop.class)).extracting(QueueProtected::event).isEqualTo("sale");
		assertThat(this.handlers.find(open, SaleShop.class)).extracting(QueueProtected::event).isEqualTo("sale");
		assertThat(this.lookups).containsExactly("Shop.open", "SaleShop.open");
	}

	@Test
	void findWhenLookedUpBySpringThenMethodAnnotationWinsOverClassAnnotation() throws NoSuchMethodException {
		ProtectedHandlers spring = new ProtectedHandlers();
		assertThat(spring.find(SaleShop.class.getMethod("vip"), SaleShop.class)).extracting(QueueProtected::event)
			.isEqualTo("vip");
		assertThat(spring.find(SaleShop.class.getMethod("open"), SaleShop.class)).extracting(QueueProtected::event)
			.isEqualTo("sale");
		assertThat(spring.find(Shop.class.getMethod("open"), Shop.class)).isNull();
	}

	@Test
	void findWhenAnnotationIsFoundThenItIsAPlainObjectWithSpringsAttributes() throws NoSuchMethodException {
		ProtectedHandlers spring = new ProtectedHandlers();
		for (String name : new String[] { "vip", "checkout", "leave" }) {
			Method method = Shop.class.getMethod(name);
			QueueProtected merged = AnnotatedElementUtils.findMergedAnnotation(method, QueueProtected.class);
			QueueProtected found = spring.find(method, Shop.class);
			assertThat(found).isNotNull();
			assertThat(Proxy.isProxyClass(found.getClass())).isFalse();
			assertThat(found.event()).isEqualTo(merged.event()).isEqualTo(found.value());
			assertThat(found.action()).isEqualTo(merged.action());
			assertThat(found.annotationType()).isEqualTo(QueueProtected.class);
			// Annotation's contract, both ways, with Spring's merged annotation.
			assertThat(found).isEqualTo(merged).hasSameHashCodeAs(merged);
			assertThat(merged).isEqualTo(found);
			assertThat(found).hasToString("@io.queuekeeper.web.QueueProtected(event=\"" + merged.event() + "\", action="
					+ merged.action() + ")");
		}
		assertThat(spring.find(Shop.class.getMethod("leave"), Shop.class)).satisfies((leave) -> {
			assertThat(leave.event()).isEqualTo("vip");
			assertThat(leave.action()).isEqualTo(QueueProtected.Action.CANCEL);
		});
		QueueProtected vip = spring.find(Shop.class.getMethod("vip"), Shop.class);
		assertThat(vip).isNotEqualTo(spring.find(Shop.class.getMethod("leave"), Shop.class))
			.isNotEqualTo(spring.find(Shop.class.getMethod("checkout"), Shop.class))
			.isNotEqualTo("vip");
	}

	private @Nullable QueueProtected countedLookup(Method method, Class<?> beanType) {
		this.lookups.add(beanType.getSimpleName() + "." + method.getName());
		QueueProtected annotation = AnnotatedElementUtils.findMergedAnnotation(method, QueueProtected.class);
		return (annotation != null) ? annotation
				: AnnotatedElementUtils.findMergedAnnotation(beanType, QueueProtected.class);
	}

	static class Shop {

		@QueueProtected("vip")
		public String vip() {
			return "vip";
		}

		public String open() {
			return "open";
		}

		@QueueProtected(event = "checkout")
		public String checkout() {
			return "checkout";
		}

		@CancelVip
		public String leave() {
			return "leave";
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@QueueProtected(event = "vip", action = QueueProtected.Action.CANCEL)
	@interface CancelVip {

	}

	@QueueProtected("sale")
	static class SaleShop extends Shop {

	}

}
