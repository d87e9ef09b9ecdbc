/**
 * The launcher: {@link dev.r58ctl.launcher.Main} runs one command and exits with its code, and everything r58ctl does
 * to start quickly on a CPU-starved board is listed here, in one place. Each trick lives next to what it speeds up
 * (a terminal trick in {@code tui}, a lazy holder in the class it holds for) and has a test of its own; the figures
 * are in docs/performance.md, "Start-up and footprint".
 *
 * <table>
 *   <caption>Start-up tricks</caption>
 *   <tr><th>trick</th><th>where</th><th>what it saves</th><th>its test</th></tr>
 *   <tr><td>the class-data training run: one JVM goes through help, version, status and the dashboard's first
 *       frames so that {@code -XX:ArchiveClassesAtExit} archives what they load</td>
 *       <td>{@link dev.r58ctl.launcher.Training}, run by scripts/r58ctl and the package's postinst</td>
 *       <td>reading and verifying ~3,000 classes at every start</td><td>{@code TrainingTest}</td></tr>
 *   <tr><td>the dashboard's layout drawn before the configuration is read, and put away before any other
 *       output</td><td>{@code tui.EarlyScreen}, opened by {@code Main}</td>
 *       <td>the first frame waits for nothing but the JVM</td><td>{@code EarlyScreenTest}, scripts/tui-e2e</td></tr>
 *   <tr><td>one stty process instead of Lanterna's five, overriding Lanterna's internals</td>
 *       <td>{@code tui.QuickTerminal}</td><td>10-20 ms a process</td>
 *       <td>{@code QuickTerminalPinTest} (fails when a Lanterna upgrade changes what it overrides)</td></tr>
 *   <tr><td>java.util.logging and SLF4J started on a daemon thread, with no console handler</td>
 *       <td>{@link dev.r58ctl.Logging#quietStart()}</td><td>~30 ms</td><td>{@code QuietStartTest}</td></tr>
 *   <tr><td>the built-in defaults parsed while the operator's file is</td>
 *       <td>{@link dev.r58ctl.config.ConfigLoader#prefetchDefaults()}</td><td>parsing ~190 lines of YAML</td>
 *       <td>{@code LazyHoldersTest}</td></tr>
 *   <tr><td>Jackson's mapper made at first use ({@code Json.Holder}), and a report's serializers made while
 *       {@code status} measures CPU</td><td>{@link dev.r58ctl.Json#prepare(Class)}</td>
 *       <td>Jackson loads only where JSON is read or written</td><td>{@code LazyHoldersTest}</td></tr>
 *   <tr><td>the kernel classifier's tables built once, at first use ({@code KernelClassifier.Holder})</td>
 *       <td>{@link dev.r58ctl.kernel.KernelClassifier#defaults()}</td><td>commands that read no kernel log</td>
 *       <td>{@code LazyHoldersTest}</td></tr>
 *   <tr><td>where the time goes after {@code main()}: {@code R58CTL_STARTUP_TRACE=FILE}</td>
 *       <td>{@link dev.r58ctl.StartupTrace}</td><td>(a measuring aid)</td><td>scripts/bench-startup</td></tr>
 * </table>
 *
 * <p>The JVM's own flags (C1 only, serial GC, small stacks and heap, the archive) are in scripts/r58ctl and the
 * package's launcher, with the measurements that chose them.
 */
package dev.r58ctl.launcher;
