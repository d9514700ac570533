package io.queuekeeper.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.jspecify.annotations.Nullable;

/**
 * The integration config document the user edits: read again whenever its modification
 * time or size changes.
 */
final class ConfigFile {

	private final Path path;

	private @Nullable FileTime modified;

	private long size = -1;

	private byte @Nullable [] content;

	ConfigFile(Path path) {
		this.path = path;
	}

	Path path() {
		return this.path;
	}

	synchronized byte[] read() throws IOException {
		FileTime currentModified = Files.getLastModifiedTime(this.path);
		long currentSize = Files.size(this.path);
		byte[] cached = this.content;
		if (cached == null || !currentModified.equals(this.modified) || currentSize != this.size) {
			cached = Files.readAllBytes(this.path);
			this.content = cached;
			this.modified = currentModified;
			this.size = currentSize;
		}
		return cached.clone();
	}

}
