package dev.r58ctl.remote;

import dev.r58ctl.R58Exception;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line split into what remote mode uses here (--host, --identity, --known-hosts, --accept-new-host-key,
 * and the local --config and --state-dir) and the words forwarded to the board, in their order. Options may stand
 * before or after the subcommand, as {@code --opt VALUE} or {@code --opt=VALUE}; nothing after {@code --} is read.
 *
 * @param host       the --host value, or null
 * @param identity   --identity, or null
 * @param knownHosts --known-hosts, or null
 * @param acceptNew  whether --accept-new-host-key was given
 * @param config     the local --config, or null
 * @param stateDir   the local --state-dir, or null
 * @param forwarded  every other word, for the board
 * @param subcommand the first forwarded word that is not an option, or null
 */
public record RemoteArgs(String host, Path identity, Path knownHosts, boolean acceptNew, Path config, Path stateDir,
                         List<String> forwarded, String subcommand) {
    private static final Set<String> VALUED = Set.of("--host", "--identity", "--known-hosts", "--config", "--state-dir");

    public static RemoteArgs parse(String... args) {
        String host = null;
        Path identity = null;
        Path knownHosts = null;
        Path config = null;
        Path stateDir = null;
        boolean acceptNew = false;
        String subcommand = null;
        List<String> forwarded = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (options && a.equals("--")) {
                options = false;
                forwarded.add(a);
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (options && a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (options && name.equals("--accept-new-host-key") && value == null) {
                acceptNew = true;
                continue;
            }
            if (!options || !VALUED.contains(name)) {
                if (subcommand == null && !a.startsWith("-")) {
                    subcommand = a;
                }
                forwarded.add(a);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw R58Exception.badInput(name + ": missing value");
                }
                value = args[++i];
            }
            if (value.isBlank()) {
                throw R58Exception.badInput(name + ": empty value");
            }
            switch (name) {
                case "--host" -> host = value;
                case "--identity" -> identity = Path.of(value);
                case "--known-hosts" -> knownHosts = Path.of(value);
                case "--config" -> config = Path.of(value);
                default -> stateDir = Path.of(value);
            }
        }
        return new RemoteArgs(host, identity, knownHosts, acceptNew, config, stateDir, List.copyOf(forwarded),
                subcommand);
    }

    /** Whether any option that only makes sense with a host was given. */
    public boolean hasSshOptions() {
        return identity != null || knownHosts != null || acceptNew;
    }

    /** The command line for the board's shell: {@code command} as configured, then each word single-quoted. */
    public String remoteCommand(String command) {
        StringBuilder b = new StringBuilder(command);
        for (String word : forwarded) {
            b.append(' ').append(quote(word));
        }
        return b.toString();
    }

    /** One shell word that the shell reads back as exactly {@code s}, whatever it holds. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Whether this is {@code kmsg --follow}, whose lines are also kept in a local journal. */
    public boolean isKmsgFollow() {
        if (!"kmsg".equals(subcommand)) {
            return false;
        }
        for (String w : forwarded) {
            if (w.equals("--")) {
                return false;
            }
            if (w.equals("--follow")) {
                return true;
            }
        }
        return false;
    }
}
