package dev.r58ctl.config;

/**
 * One thing wrong in a configuration file, with where it stands: the file, the line and the dotted key. The
 * recorder's own file is foreign input, so its problems are kept as notes on the camera (or the section) they
 * concern instead of stopping a command; r58ctl's own file throws them at once as {@link ConfigError}.
 *
 * @param file    the file as the operator named it
 * @param line    1-based line, 0 when the problem is the file itself (unreadable)
 * @param key     the dotted key, e.g. {@code cameras.cam2.output_path}; empty for the file as a whole
 * @param message what is wrong, in the operator's words
 */
public record ConfigProblem(String file, int line, String key, String message) {

    /** {@code file:line} */
    public String where() {
        return line > 0 ? file + ":" + line : file;
    }

    /** The one line a refusal prints: {@code file:line: key: message}. */
    public String text() {
        return where() + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }

    /** Shorter, for a camera row or a status line: {@code message (config.yml:109)}. */
    public String note() {
        int slash = file.lastIndexOf('/');
        return message + " (" + (slash < 0 ? file : file.substring(slash + 1)) + (line > 0 ? ":" + line : "") + ")";
    }
}
