package dev.r58ctl.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of a remote board's address, {@code [USER@]HOST[:PORT]}, parsed strictly so that nothing odd reaches
 * SSH. The configuration checks {@code remote.host} with it; {@code remote.RemoteTarget} is built from its parts.
 *
 * @param user the login name, or null for the local user's
 * @param host a host name, an IPv4 address, or an IPv6 address without brackets
 * @param port the SSH port (22 unless given)
 */
public record HostSyntax(String user, String host, int port) {
    private static final Pattern FORM = Pattern.compile(
            "(?:([A-Za-z0-9._][A-Za-z0-9._-]{0,31})@)?(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9.-]{1,253}))(?::(\\d{1,5}))?");

    /** Parses {@code [USER@]HOST[:PORT]}; the message of the exception says what is wrong. */
    public static HostSyntax parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected [USER@]HOST[:PORT], got \"" + text + "\"");
        }
        int port = 22;
        if (m.group(4) != null) {
            port = Integer.parseInt(m.group(4));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not a TCP port (1-65535)");
            }
        }
        String host = m.group(2) != null ? m.group(2) : m.group(3);
        return new HostSyntax(m.group(1), host, port);
    }
}
