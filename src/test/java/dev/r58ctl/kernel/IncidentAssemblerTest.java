package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.r58ctl.kernel.IncidentListener.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Whole reports become one incident, subscribers hear of it on its first line, chatter makes none. */
class IncidentAssemblerTest {

    private static KernelLine dmesg(long seq, String raw) {
        return KernelText.fromText(raw, seq, 1_000_000 + seq);
    }

    @Test
    void theSeedsOopsIsOneIncidentOpenedOnItsFirstLine() {
        IncidentRecorder r = new IncidentRecorder().feed(KernelFixtures.kernelLines("seed-syslogd-broadcast.txt"));
        assertEquals(List.of(Event.OPENED, Event.LINE_ADDED, Event.CLOSED), r.heard.stream().map(IncidentRecorder.Heard::event).toList());
        IncidentRecorder.Heard opened = r.heard.get(0);
        assertEquals(1, opened.during(), "OPENED while the Internal error line was being accepted");
        assertEquals(1, opened.incident().lines().size());
        Incident oops = r.closed().get(0);
        assertEquals(Severity.CRITICAL, oops.severity());
        assertEquals("Internal error: Oops: 0000000096000005 [#29] SMP", oops.title());
        assertEquals(List.of("Internal error: Oops: 0000000096000005 [#29] SMP",
                "Code: f100007f fa401a64 540017a0 b9402ae0 (f8606a62)"), texts(oops));
        assertEquals("K2", oops.id());
        assertEquals(2, oops.firstSeq());
        assertEquals(5, oops.lastSeq());
        assertEquals(6, r.heard.get(2).during(), "closed by the line after the report, not by blank lines");
    }

    @Test
    void aFullAarch64OopsIsOneIncidentFromUnableToHandleToEndTrace() {
        List<KernelLine> lines = KernelFixtures.kernelLines("oops-rk3588-mpp.txt");
        IncidentRecorder r = new IncidentRecorder().feed(lines);
        assertEquals(1, r.closed().size());
        Incident oops = r.closed().get(0);
        assertEquals(44, oops.lines().size());
        assertEquals(Severity.CRITICAL, oops.severity());
        assertEquals("Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010", oops.title());
        assertEquals(lines.get(3), oops.lines().get(0));
        assertEquals("---[ end trace 0000000000000000 ]---", oops.lines().get(43).text());
        assertTrue(texts(oops).contains("Internal error: Oops: 0000000096000005 [#29] SMP"));
        assertTrue(texts(oops).contains(" mpp_task_finish+0x5c/0x1a0"));
        assertEquals(3, r.of(Event.OPENED).get(0).during(), "OPENED on the Unable to handle line");
        assertEquals(43, r.of(Event.LINE_ADDED).size());
        assertEquals(46, r.of(Event.CLOSED).get(0).during(), "closed by its end trace line");
        assertEquals("K4", oops.id());
        assertEquals(0, oops.dropped());
    }

    @Test
    void aWarningRunsFromCutHereToEndTraceAndDriverLinesAroundItStandAlone() {
        IncidentRecorder r = new IncidentRecorder().feed(KernelFixtures.kernelLines("warning-cut-here.txt"));
        List<Incident> closed = r.closed();
        assertEquals(List.of(Severity.ERROR, Severity.WARNING, Severity.ERROR),
                closed.stream().map(Incident::severity).toList());
        Incident warning = closed.get(1);
        assertEquals(29, warning.lines().size());
        assertEquals("------------[ cut here ]------------", warning.lines().get(0).text());
        assertEquals("WARNING: CPU: 2 PID: 94 at drivers/video/rockchip/mpp/mpp_iommu.c:512 mpp_iommu_detach+0x7c/0x90 "
                + "[rk_vcodec]", warning.title(), "the title says what the report is, not cut here");
        assertEquals("mpp_rkvenc2 fdbd0000.rkvenc-core: resetting...", closed.get(0).title());
        assertEquals(1, closed.get(0).lines().size());
        assertEquals("mpp_rkvenc2 fdbd0000.rkvenc-core: reset done", closed.get(2).title());
    }

    @Test
    void chatterMakesNoIncidentAndDoesNotSplitAReportAroundIt() {
        List<KernelLine> lines = new ArrayList<>(KernelFixtures.kernelLines("chatter-rk3588.txt"));
        IncidentRecorder quiet = new IncidentRecorder().feed(lines);
        quiet.assembler.flush();
        assertEquals(List.of(), quiet.heard);

        lines.addAll(KernelFixtures.kernelLines("oops-rk3588-mpp.txt"));
        lines.addAll(KernelFixtures.kernelLines("chatter-rk3588.txt"));
        IncidentRecorder mixed = new IncidentRecorder().feed(lines);
        mixed.assembler.flush();
        assertEquals(1, mixed.closed().size());
        assertEquals(44, mixed.closed().get(0).lines().size());
    }

    @Test
    void aGapInKernelTimeClosesEvenBeforeABodyLine() {
        IncidentRecorder r = new IncidentRecorder().feed(List.of(
                dmesg(1, "[   10.000000] Internal error: Oops: 0000000096000005 [#1] SMP"),
                dmesg(2, "[   10.100000] pc : mpp_task_finish+0x5c/0x1a0"),
                dmesg(3, "[   12.100001]  mpp_task_finish+0x5c/0x1a0")));
        assertEquals(1, r.closed().size());
        assertEquals(2, r.closed().get(0).lines().size());
        assertEquals(2, r.heard.get(r.heard.size() - 1).during(), "closed when the late line arrived");
        assertFalse(r.assembler.hasOpenIncident(), "an unclassified line opens nothing");
    }

    @Test
    void aRebootsTimestampsGoingBackCloseTheIncident() {
        IncidentRecorder r = new IncidentRecorder().feed(List.of(
                dmesg(1, "[  494.442336] Internal error: Oops: 0000000096000005 [#1] SMP"),
                dmesg(2, "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x412fd050]")));
        assertEquals(1, r.closed().size());
    }

    @Test
    void flushAndIdleCloseTheLastIncident() {
        IncidentRecorder r = new IncidentRecorder().feed(List.of(dmesg(1, "[   10.000000] Internal error: Oops: 96000005 [#1] SMP")));
        r.assembler.closeIfIdle(1_000_001 + 2000);
        assertTrue(r.assembler.hasOpenIncident(), "two seconds of silence are not yet a gap");
        r.assembler.closeIfIdle(1_000_001 + 2001);
        assertEquals(1, r.closed().size());
        r.assembler.flush();
        assertEquals(1, r.closed().size(), "nothing left to flush");

        IncidentRecorder f = new IncidentRecorder().feed(List.of(dmesg(1, "[   10.000000] Kernel panic - not syncing: Oops: Fatal exception")));
        f.assembler.flush();
        assertEquals(1, f.closed().size());
    }

    @Test
    void loneLinesAndDriverBursts() {
        IncidentRecorder r = new IncidentRecorder().feed(List.of(
                dmesg(1, "[  100.000000] mpp_rkvenc2 fdbd0000.rkvenc-core: task 3 processing time out!"),
                dmesg(2, "[  100.000100] mpp_rkvenc2 fdbd0000.rkvenc-core: resetting..."),
                dmesg(3, "[  100.000200] mpp_rkvenc2 fdbd0000.rkvenc-core: reset done"),
                dmesg(4, "[  100.000300] rk_iommu fdbdf000.iommu: Page fault at 0x00000000ff6a0000 of type read"),
                dmesg(5, "[  100.000400] rk_hdmirx fdee0000.hdmirx-controller: hdmirx_get_pix_fmt: pix_fmt: NV16")));
        List<Incident> closed = r.closed();
        assertEquals(2, closed.size());
        assertEquals(3, closed.get(0).lines().size(), "one driver's burst is one incident");
        assertEquals("mpp_rkvenc2 fdbd0000.rkvenc-core: task 3 processing time out!", closed.get(0).title());
        assertEquals(1, closed.get(1).lines().size(), "another driver's line stands alone");
        assertEquals(Severity.ERROR, closed.get(1).severity());
    }

    @Test
    void aHungTaskTakesItsStackDump() {
        IncidentRecorder r = new IncidentRecorder().feed(List.of(
                dmesg(1, "[  245.771012] INFO: task cam1_enc:src:2718 blocked for more than 120 seconds."),
                dmesg(2, "[  245.771039]       Tainted: G           O       6.1.75-rockchip #1"),
                dmesg(3, "[  245.771046] \"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message."),
                dmesg(4, "[  245.771052] task:cam1_enc:src    state:D stack:0     pid:2718  ppid:1      flags:0x00000008"),
                dmesg(5, "[  245.771063] Call trace:"),
                dmesg(6, "[  245.771068]  __switch_to+0xf4/0x150"),
                dmesg(7, "[  245.771079]  __schedule+0x2b8/0x740"),
                dmesg(8, "[  245.771089]  mpp_wait_result_default+0x98/0x1d0"),
                dmesg(9, "[  246.002211] rk_gmac-dwmac fe1b0000.ethernet eth0: Link is Up - 1Gbps/Full - flow control rx/tx")));
        assertEquals(1, r.closed().size());
        Incident hung = r.closed().get(0);
        assertEquals(8, hung.lines().size());
        assertEquals(Severity.ERROR, hung.severity());
        assertEquals("INFO: task cam1_enc:src:2718 blocked for more than 120 seconds.", hung.title());
    }

    @Test
    void anOopsThenItsPanicAreTwoIncidents() {
        IncidentRecorder r = new IncidentRecorder().feed(List.of(
                dmesg(1, "[  494.442336] Internal error: Oops: 0000000096000005 [#1] SMP"),
                dmesg(2, "[  494.633862] Call trace:"),
                dmesg(3, "[  494.644590]  mpp_task_finish+0x5c/0x1a0"),
                dmesg(4, "[  494.838527] Code: f100007f fa401a64 540017a0 b9402ae0 (f8606a62)"),
                dmesg(5, "[  494.849256] ---[ end trace 0000000000000000 ]---"),
                dmesg(6, "[  494.849300] Kernel panic - not syncing: Oops: Fatal exception"),
                dmesg(7, "[  494.849400] SMP: stopping secondary CPUs"),
                dmesg(8, "[  494.849500] Kernel Offset: disabled"),
                dmesg(9, "[  494.849600] CPU features: 0x00000000,00800084,0000421b"),
                dmesg(10, "[  494.849700] Memory Limit: none"),
                dmesg(11, "[  494.849800] ---[ end Kernel panic - not syncing: Oops: Fatal exception ]---")));
        List<Incident> closed = r.closed();
        assertEquals(List.of(5, 6), closed.stream().map(i -> i.lines().size()).toList());
        assertEquals("Kernel panic - not syncing: Oops: Fatal exception", closed.get(1).title());
        assertFalse(r.assembler.hasOpenIncident(), "the panic's end marker closed it");
    }

    @Test
    void aSecondOopsAfterATraceWithoutEndStartsANewIncident() {
        IncidentRecorder r = new IncidentRecorder().feed(List.of(
                dmesg(1, "[  494.442336] Internal error: Oops: 0000000096000005 [#1] SMP"),
                dmesg(2, "[  494.633862] Call trace:"),
                dmesg(3, "[  494.644590]  mpp_task_finish+0x5c/0x1a0"),
                dmesg(4, "[  494.700000] Unable to handle kernel paging request at virtual address dead000000000108"),
                dmesg(5, "[  494.700100] Mem abort info:")));
        r.assembler.flush();
        assertEquals(List.of(3, 2), r.closed().stream().map(i -> i.lines().size()).toList());
    }

    @Test
    void kmsgRecordsAssembleTheSameWay() {
        List<KernelLine> lines = KernelFixtures.lines("kmsg-records.txt").stream()
                .map(record -> KernelText.fromKmsg(record, 1)).collect(Collectors.toList());
        IncidentRecorder r = new IncidentRecorder().feed(lines);
        r.assembler.flush();
        List<Incident> closed = r.closed();
        assertEquals(2, closed.size());
        assertEquals("K2040", closed.get(0).id());
        assertEquals(10, closed.get(0).lines().size());
        assertEquals(2049, closed.get(0).lastSeq());
        assertEquals("K2050", closed.get(1).id());
        assertEquals(Severity.ERROR, closed.get(1).severity());
    }

    @Test
    void endlessTracesAreCappedAndSnapshotsAreImmutable() {
        List<KernelLine> lines = new ArrayList<>();
        lines.add(dmesg(1, "[   10.000000] Call trace:"));
        for (int i = 0; i < 1200; i++) {
            lines.add(dmesg(2 + i, "[   10.000100]  irq_thread+0x164/0x2b0"));
        }
        IncidentRecorder r = new IncidentRecorder().feed(lines);
        r.assembler.flush();
        Incident trace = r.closed().get(0);
        assertEquals(IncidentAssembler.MAX_LINES, trace.lines().size());
        assertEquals(201, trace.dropped());
        assertEquals(1201, trace.lastSeq());
        assertThrows(UnsupportedOperationException.class, () -> trace.lines().add(lines.get(0)));
    }

    private static List<String> texts(Incident incident) {
        return incident.lines().stream().map(KernelLine::text).toList();
    }
}
