package dev.r58ctl.remote;

/**
 * Where a remote command goes: {@code [USER@]HOST[:PORT]}, parsed strictly so that nothing odd reaches SSH.
 *
 * @param user the login name, or null for the local user's
 * @param host a host name, an IPv4 address, or an IPv6 address without brackets
 * @param port the SSH port (22 unless given)
 */
public record RemoteTarget(String user, String host, int port) {
    /** Parses {@code [USER@]HOST[:PORT]}; the message of the exception says what is wrong. */
    public static RemoteTarget parse(String text) {
        dev.r58ctl.config.HostSyntax p = dev.r58ctl.config.HostSyntax.parse(text);
        return new RemoteTarget(p.user(), p.host(), p.port());
    }

    /** The login name: the given one, else the local user's. */
    public String userOrDefault() {
        return user != null ? user : System.getProperty("user.name", "root");
    }

    /** A name safe as part of a file name, e.g. for the kmsg journal. */
    public String fileName() {
        return host.replaceAll("[^A-Za-z0-9._-]", "_") + (port == 22 ? "" : "_" + port);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (user == null ? "" : user + "@") + h + (port == 22 ? "" : ":" + port);
    }
}
