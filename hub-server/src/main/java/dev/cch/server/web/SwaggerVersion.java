package dev.cch.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the swagger-ui webjar on the classpath, read from its Maven metadata. */
final class SwaggerVersion {
    static final String VERSION = read();

    private SwaggerVersion() {
    }

    private static String read() {
        try (InputStream in = SwaggerVersion.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return "missing";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }
}
