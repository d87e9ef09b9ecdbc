package dev.r58ctl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Questions on the terminal: asked only when there is one, answered with a line from standard input. */
final class Prompts {
    private Prompts() {
    }

    /** Whether a person can be asked (a console, and not --json). */
    static boolean interactive(boolean json) {
        return System.console() != null && !json;
    }

    /** Asks and returns the answer, trimmed and lower-cased; empty at end of input. */
    static String ask(PrintWriter out, String question) {
        out.print(question);
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer == null ? "" : answer.strip().toLowerCase();
        } catch (IOException e) {
            return "";
        }
    }
}
