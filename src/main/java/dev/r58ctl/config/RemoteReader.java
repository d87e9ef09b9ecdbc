package dev.r58ctl.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the {@code remote:} section (where {@code r58ctl --host} sends commands). Every problem is one line naming
 * the file, line and key; there is deliberately no password key.
 */
final class RemoteReader {
    static final List<String> KEYS = List.of("host", "command", "identity", "known_hosts");

    private RemoteReader() {
    }

    static Config.RemoteSettings read(YamlNode node, Function<String, Path> expand) {
        Map<String, YamlNode> m = node == null || node.isNull() ? Map.of() : node.mapOf(KEYS);
        String host = null;
        YamlNode h = m.get("host");
        if (h != null && !h.isNull()) {
            host = h.string("[USER@]HOST[:PORT]").trim();
            try {
                HostSyntax.parse(host);
            } catch (IllegalArgumentException e) {
                throw h.error(e.getMessage());
            }
        }
        String command = "r58ctl";
        YamlNode c = m.get("command");
        if (c != null) {
            command = c.string("the r58ctl command on the board").trim();
            if (command.isEmpty() || command.indexOf('\n') >= 0 || command.indexOf('\0') >= 0) {
                throw c.error("expected the r58ctl command on the board, got " + YamlNode.quote(command));
            }
        }
        Path identity = null;
        YamlNode i = m.get("identity");
        if (i != null && !i.isNull()) {
            identity = expand.apply(i.string("a private key file").trim());
        }
        Path knownHosts = expand.apply("~/.ssh/known_hosts");
        YamlNode k = m.get("known_hosts");
        if (k != null && !k.isNull()) {
            knownHosts = expand.apply(k.string("a known_hosts file").trim());
        }
        return new Config.RemoteSettings(host, command, identity, knownHosts);
    }
}
