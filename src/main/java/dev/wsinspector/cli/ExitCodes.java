package dev.wsinspector.cli;

/** Exit codes of the command line (DESIGN.md "Command line"); scripts branch on these. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The connection or the handshake failed, or the connection ended abnormally. */
    public static final int FAILED = 1;
    /** Bad command line (picocli's own default for parameter errors, so both agree). */
    public static final int USAGE = 2;
    /** {@code --timeout} expired first. */
    public static final int TIMEOUT = 3;

    private ExitCodes() {
    }
}
