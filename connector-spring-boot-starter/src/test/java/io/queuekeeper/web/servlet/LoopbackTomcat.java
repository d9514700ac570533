package io.queuekeeper.web.servlet;

import java.nio.file.Path;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.jspecify.annotations.Nullable;

/**
 * An embedded Tomcat on loopback for the tests that compare the adapter's reading of a
 * request with Tomcat's own.
 */
final class LoopbackTomcat {

	private LoopbackTomcat() {
	}

	/**
	 * Creates a Tomcat, not started, with one connector on an ephemeral loopback port.
	 */
	static Tomcat create(Path baseDir) {
		Tomcat server = new Tomcat();
		server.setBaseDir(baseDir.toString());
		server.setConnector(connector());
		return server;
	}

	/**
	 * Creates a connector on an ephemeral loopback port.
	 */
	static Connector connector() {
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		return connector;
	}

	static void stop(@Nullable Tomcat server) throws LifecycleException {
		if (server != null) {
			server.stop();
			server.destroy();
		}
	}

}
