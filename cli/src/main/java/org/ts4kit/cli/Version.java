package org.ts4kit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: {@code ts4kit VERSION (Java N)}. The version comes from the jar manifest's
 * {@code Implementation-Version} (the shaded jar's), else from {@code version.properties}, which
 * Maven filters at build time, so classes run by tests or an IDE after a Maven build know it too.
 */
final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"ts4kit " + version() + " (Java " + System.getProperty("java.version") + ")"};
    }

    static String version() {
        String fromManifest = Main.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        String built = fromResource();
        return built != null ? built : "unknown (built without Maven)";
    }

    /** The filtered resource's version; null when it is missing or was copied unfiltered. */
    static String fromResource() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.startsWith("${") ? null : v;
        } catch (IOException e) {
            return null;
        }
    }
}
