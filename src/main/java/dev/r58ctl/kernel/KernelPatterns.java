package dev.r58ctl.kernel;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.r58ctl.kernel.KernelPattern.literal;
import static dev.r58ctl.kernel.KernelPattern.regex;
import static dev.r58ctl.kernel.Severity.CRITICAL;
import static dev.r58ctl.kernel.Severity.ERROR;
import static dev.r58ctl.kernel.Severity.WARNING;

/**
 * The default table of kernel trouble, as data. Guarantees: every pattern Linaro's LAVA watches for on
 * a kernel console is here, so a line LAVA would flag is never ordinary to us; probe chatter of the
 * RK3588 media drivers stays ordinary. Where two patterns of equal severity match, the earlier one
 * names the match, so the specific ones come first.
 */
public final class KernelPatterns {
    /**
     * Words the Rockchip drivers use when something went wrong (dev_err/mpp_err text). Case varies by
     * driver, so each comes as written, capitalised and in capitals.
     */
    private static final List<String> ERROR_WORDS = List.of("error", "fail", "timeout", "time out", "timed out",
            "fault", "reset", "abort", "cannot", "can not", "unable", "overflow");
    /**
     * The prefilter literal of the driver patterns: the error words, not the drivers' names. Names are in
     * one chatter line in seven (every probe line says mpp_ or iommu); error words are rare, so only the
     * rare line pays for the regex.
     */
    static final String ERROR_LITERALS = String.join("|", ERROR_WORDS.stream()
            .flatMap(w -> Stream.of(w, Character.toUpperCase(w.charAt(0)) + w.substring(1), w.toUpperCase(Locale.ROOT)))
            .toList());
    /**
     * One error word, starting a word (so "default" and a frame "mpp_dev_reset+0x4c" do not count), and
     * not part of the vendor-kernel probe lines printed on every healthy RK3588 boot (OPP leakage and
     * power-model lookups, absent NIU resets) nor of the timing table the mpp driver dumps after a
     * timeout, whose column names say "timeout". Checked around the word rather than over the whole
     * line, which costs java.util.regex a pass per position. The checks before the word only look, so
     * their order does not change what matches: the cheapest go first (one of the words' first letters,
     * then the start of a word), so that the 36 alternatives are tried at few positions.
     */
    static final String ERROR_WORD = "(?=[" + ERROR_WORDS.stream()
            .map(w -> "" + w.charAt(0) + Character.toUpperCase(w.charAt(0))).distinct().collect(Collectors.joining())
            + "])\\b(?<!timing: )(?:" + ERROR_LITERALS + ")\\w*+"
            + "(?! to get leakage| to find power_model| to initialize power model| to get dynamic-coefficient"
            + "| resource define)";

    /**
     * The table. Sources, by group:
     * <ul>
     *   <li>LAVA: repository Linaro/lava, {@code lava_dispatcher/utils/messages.py} ({@code KERNEL_MESSAGES},
     *       "start" of each entry), and the older {@code lava_common/constants.py} ({@code KERNEL_*_MSG})</li>
     *   <li>kernel: the printk sites in torvalds/linux named beside each pattern</li>
     *   <li>RK3588: Rockchip's vendor kernel, drivers/video/rockchip/mpp/ (KBUILD_MODNAME rk_vcodec,
     *       devices mpp_rkvenc2, mpp_vepu2, mpp_service) and drivers/iommu/rockchip-iommu.c (rk_iommu);
     *       mainline drivers/media/platform/verisilicon/ (hantro-vpu, which drives the VEPU121 cores)</li>
     * </ul>
     */
    public static final List<KernelPattern> DEFAULTS = List.of(
            // --- the kernel failed: Oops, panic, BUG ---
            // kernel: arch/arm64/kernel/traps.c __die(), arch/arm/kernel/traps.c __die()
            literal("oops", CRITICAL, "Internal error: ", "kernel Oops"),
            // kernel: arch/arm64/mm/fault.c die_kernel_fault(), arch/arm/mm/fault.c __do_kernel_fault()
            literal("unable-to-handle", CRITICAL, "Unable to handle kernel",
                    "kernel could not handle a pointer (NULL dereference or bad paging request)"),
            // LAVA: "Kernel panic - not syncing" (messages.py), KERNEL_PANIC_MSG "Kernel panic - (.*)" (constants.py)
            literal("panic", CRITICAL, "Kernel panic - ", "kernel panic"),
            // LAVA: "(kernel BUG at|BUG:)" (messages.py); kernel: include/asm-generic/bug.h, arch/*/kernel/traps.c
            literal("kernel-bug", CRITICAL, "kernel BUG at", "kernel BUG() hit"),
            // LAVA: "BUG: KASAN:", "BUG: KFENCE:", "BUG: KCSAN:" (messages.py)
            literal("kasan", CRITICAL, "BUG: KASAN:", "memory corruption found by KASAN"),
            literal("kfence", CRITICAL, "BUG: KFENCE:", "memory corruption found by KFENCE"),
            literal("kcsan", CRITICAL, "BUG: KCSAN:", "data race found by KCSAN"),
            // kernel: arch/arm64/kernel/traps.c arm64_serror_panic() and (before 5.x) bad_mode()
            literal("serror", CRITICAL, "SError Interrupt", "asynchronous bus error (SError)"),
            literal("bad-mode", CRITICAL, "Bad mode in ", "CPU took an exception in a bad mode"),
            // LAVA: "Unhandled fault" (messages.py), KERNEL_FAULT_MSG (constants.py)
            literal("unhandled-fault", CRITICAL, "Unhandled fault", "unhandled CPU fault"),
            // LAVA: "invalid opcode:" (messages.py); kernel: arch/x86/kernel/traps.c
            literal("invalid-opcode", CRITICAL, "invalid opcode:", "invalid opcode in the kernel"),
            // kernel: arch/x86/kernel/traps.c exc_general_protection()
            literal("general-protection", CRITICAL, "general protection fault", "general protection fault"),
            // LAVA: "U-Boot SPL 20[0-9][0-9]" (messages.py, kind DUT_has_reset): the board rebooted under us
            regex("board-reset", CRITICAL, "U-Boot SPL 20", "U-Boot SPL 20[0-9]{2}", "board reset (U-Boot SPL banner)"),
            // LAVA: "Oops(?: -|:)" (messages.py), KERNEL_OOPS_MSG (constants.py): x86 "Oops: 0000 [#1]", arm "Oops - BUG"
            regex("oops-any", CRITICAL, "Oops", "Oops(?: -|:)", "kernel Oops"),
            // LAVA: "BUG:" (messages.py). The stalls and context bugs below print "BUG:" too but are ERROR.
            regex("bug", CRITICAL, "BUG:",
                    "BUG: (?!soft lockup|workqueue lockup|scheduling while atomic|sleeping function called)",
                    "kernel BUG"),

            // --- stalls, lockups and context bugs: the kernel goes on, something is stuck ---
            // kernel: kernel/watchdog.c watchdog_timer_fn(), printed as "watchdog: BUG: soft lockup - CPU#2 stuck for 22s!"
            literal("soft-lockup", ERROR, "BUG: soft lockup", "soft lockup: a CPU stuck in the kernel"),
            // kernel: kernel/watchdog_perf.c (watchdog_hld.c before 6.6) watchdog_overflow_callback()
            literal("hard-lockup", ERROR, "hard LOCKUP", "hard lockup: a CPU stuck with interrupts off"),
            // kernel: kernel/workqueue.c wq_watchdog_timer_fn()
            literal("workqueue-lockup", ERROR, "BUG: workqueue lockup", "workqueue lockup"),
            // kernel: kernel/sched/core.c __schedule_bug() and __might_resched()
            literal("atomic-schedule", ERROR, "BUG: scheduling while atomic", "a driver slept while atomic"),
            literal("invalid-context", ERROR, "BUG: sleeping function called", "a driver slept in a context that may not"),
            // kernel: kernel/rcu/tree_stall.h print_cpu_stall()/print_other_cpu_stall(), tree_exp.h:
            // "rcu: INFO: rcu_sched self-detected stall on CPU", "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:"
            regex("rcu-stall", ERROR, "stall", "rcu_\\w+ (?:self-)?detected (?:expedited )?stall", "RCU stall"),
            // kernel: kernel/hung_task.c check_hung_task(): "INFO: task %s:%d blocked for more than %ld seconds."
            regex("hung-task", ERROR, "blocked for more than", "INFO: task .+ blocked for more than \\d+ seconds",
                    "task hung in uninterruptible sleep"),
            // kernel: kernel/hung_task.c: the hung_task_timeout_secs hint and "hung_task: blocked tasks"
            literal("hung-task-report", ERROR, "hung_task", "hung task report"),
            // kernel: mm/oom_kill.c oom_kill_process(), dump_header(), __oom_kill_process()
            literal("oom", ERROR, "Out of memory", "out of memory: the OOM killer ran"),
            literal("oom-memcg", ERROR, "out of memory: Kill", "cgroup out of memory: the OOM killer ran"),
            literal("oom-killer", ERROR, "oom-kill", "the OOM killer ran"),
            // kernel: mm/page_alloc.c warn_alloc(): DMA buffers for the encoder come from here
            literal("page-alloc-failure", ERROR, "page allocation failure", "kernel memory allocation failed"),

            // --- RK3588 media drivers: errors only, never their probe chatter ---
            regex("mpp", ERROR, ERROR_LITERALS, driverError("mpp"), "Rockchip MPP driver error"),
            regex("rk-vcodec", ERROR, ERROR_LITERALS, driverError("rk_vcodec"), "Rockchip MPP driver error"),
            regex("rkvenc", ERROR, ERROR_LITERALS, driverError("rkvenc"), "RK3588 video encoder (rkvenc) error"),
            regex("vepu", ERROR, ERROR_LITERALS, driverError("vepu"), "RK3588 VEPU encoder error"),
            regex("hantro", ERROR, ERROR_LITERALS, driverError("hantro"), "Hantro/VEPU121 codec error"),
            regex("rk-iommu", ERROR, ERROR_LITERALS, driverError("rk[_-]iommu"), "Rockchip IOMMU fault or error"),

            // --- warnings and the start of reports ---
            // kernel: kernel/panic.c __warn(): "WARNING: CPU: %d PID: %d at %pS"
            literal("warning-cpu", WARNING, "WARNING: CPU:", "kernel WARN()"),
            // LAVA: "-\[ cut here \]" (messages.py), KERNEL_EXCEPTION_MSG (constants.py); kernel: lib/bug.c
            literal("cut-here", WARNING, "-[ cut here ]", "start of a kernel report"),
            // LAVA: "WARNING:" (messages.py), KERNEL_WARNING_MSG (constants.py); also lockdep's reports
            literal("warning", WARNING, "WARNING:", "kernel warning"),
            // kernel: arch/arm64/kernel/stacktrace.c dump_backtrace(), arch/x86/kernel/dumpstack.c show_trace_log_lvl()
            literal("call-trace", WARNING, "Call trace:", "kernel call trace"),
            literal("call-trace-x86", WARNING, "Call Trace:", "kernel call trace"),
            // LAVA: KERNEL_TRACE_MSG "Stack:\s+..." (constants.py); arm32 prints "Stack: (0x... to 0x...)"
            regex("stack-dump", WARNING, "Stack:", "^\\s*Stack:(?:\\s|$)", "kernel stack dump")
            // Not taken from LAVA on purpose: KERNEL_FREE_UNUSED_MSG and KERNEL_FREE_INIT_MSG ("Freeing
            // unused kernel memory", "Freeing init memory") mark a boot that went well, not trouble.
    );

    private KernelPatterns() {
    }

    /** A line naming the driver, then an error word that is not known boot noise. */
    static String driverError(String driver) {
        return driver + ".*?" + ERROR_WORD;
    }
}
