package dev.r58ctl.remote;

import java.nio.file.Path;

/**
 * Where and how to reach the board, kept for reconnecting.
 *
 * @param target     {@code [USER@]HOST[:PORT]}
 * @param identity   the key file, or null for the usual ones, else the ssh agent
 * @param knownHosts the known_hosts file
 * @param acceptNew  whether an unknown host key may be added
 * @param home       whose {@code .ssh} holds the usual key files
 * @param command    the board's command line, every word single-quoted
 */
record BoardAddress(RemoteTarget target, Path identity, Path knownHosts, boolean acceptNew, Path home,
                    String command) {
}
