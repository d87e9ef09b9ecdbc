package dev.r58ctl.checklist;

/** Who is at the keyboard: {@code $SUDO_USER} when r58ctl runs under sudo, else {@code $USER}. */
final class OperatorName {
    private OperatorName() {
    }

    static String now() {
        String sudo = System.getenv("SUDO_USER");
        if (sudo != null && !sudo.isBlank()) {
            return sudo;
        }
        String user = System.getenv("USER");
        return user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user;
    }
}
