package io.queuekeeper.boot.config;

/**
 * Where the integration config snapshot being served came from.
 *
 * @since 0.1.0
 */
public enum IntegrationConfigSource {

	/** The file or classpath resource of {@code queueit.integration-config.location}. */
	LOCATION,

	/**
	 * The last good document kept in {@code queueit.integration-config.snapshot-file}.
	 */
	SNAPSHOT_FILE,

	/** A poll of the GO platform. */
	GO,

	/** A push from the GO platform to the push endpoint. */
	PUSH

}
