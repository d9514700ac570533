package io.queuekeeper.core.enqueue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RandomIdentifiers}: version 4 UUIDs with the IETF variant, none repeated.
 */
class RandomIdentifiersTests {

	private final RandomIdentifiers identifiers = new RandomIdentifiers();

	@Test
	void getWhenCalledThenRandomVersionFourUuidWithIetfVariant() {
		UUID id = this.identifiers.get();
		assertThat(id.version()).isEqualTo(4);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(UUID.fromString(id.toString())).isEqualTo(id);
	}

	@Test
	void getWhenCalledManyTimesThenNoIdentifierRepeats() {
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			seen.add(this.identifiers.get());
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void policyOfWhenCreatedThenUsesSeededGenerator() {
		EnqueueTokenPolicy policy = EnqueueTokenPolicy.of(EnqueueTokenSettings.enabledByDefault());
		assertThat(policy.identifiers()).isInstanceOf(RandomIdentifiers.class);
		assertThat(policy.identifiers().get()).isNotEqualTo(policy.identifiers().get());
	}

}
