package org.ts4kit.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "dev" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"ts4kit " + (v == null ? "dev" : v) + " (Java " + System.getProperty("java.version") + ")"};
    }
}
