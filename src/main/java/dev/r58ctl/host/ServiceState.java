package dev.r58ctl.host;

/**
 * What a service manager says about the recorder service at one moment.
 *
 * @param name    the unit or process name
 * @param running whether it is running now
 * @param state   the manager's own word for it ({@code active}, {@code inactive}, {@code failed}, {@code running},
 *                {@code stopped}, ...)
 * @param detail  one line for the operator: pid, log file, or why it is not running
 */
public record ServiceState(String name, boolean running, String state, String detail) {
}
