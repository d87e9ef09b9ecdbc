package dev.r58ctl.cli;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.Attributes;
import picocli.CommandLine;

/**
 * {@code r58ctl --version}: the version, git commit and build date that the build wrote into the jar's manifest
 * (Implementation-Version, Git-Commit, Build-Date), and the Java and system it runs on.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Attributes a = manifest();
        String version = a == null ? null : a.getValue("Implementation-Version");
        String runtime = "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        if (version == null) {
            return new String[] {"r58ctl (development build)", runtime};
        }
        return new String[] {
            "r58ctl " + version,
            "commit " + value(a, "Git-Commit") + ", built " + value(a, "Build-Date"),
            runtime,
        };
    }

    private static String value(Attributes a, String name) {
        String v = a.getValue(name);
        return v == null || v.isBlank() ? "unknown" : v;
    }

    /** The main attributes of the jar this class was loaded from; null when it runs from a classes directory. */
    private static Attributes manifest() {
        URL self = VersionProvider.class.getResource("VersionProvider.class");
        if (self == null || !"jar".equals(self.getProtocol())) {
            return null;
        }
        try {
            URLConnection c = self.openConnection();
            if (c instanceof JarURLConnection jar && jar.getManifest() != null) {
                return jar.getManifest().getMainAttributes();
            }
        } catch (IOException e) {
            // no manifest to read: report a development build
        }
        return null;
    }
}
