package dev.r58ctl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every source's form of a kernel line ends up as the same timestamp and text. */
class KernelTextTest {

    private static KernelLine text(String raw) {
        return KernelText.fromText(raw, 7, 1000);
    }

    private static void assertLine(long micros, int priority, String text, KernelLine line) {
        assertEquals(micros, line.monotonicMicros(), "timestamp of " + line);
        assertEquals(priority, line.priority(), "priority of " + line);
        assertEquals(text, line.text());
    }

    @Test
    void dmesgKeepsTheMessagesOwnIndentation() {
        assertLine(494442336, -1, "Internal error: Oops: 0000000096000005 [#29] SMP",
                text("[  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP"));
        assertLine(494644590, -1, " mpp_task_finish+0x5c/0x1a0",
                text("[  494.644590]  mpp_task_finish+0x5c/0x1a0"));
        assertLine(494438108, -1, "  ESR = 0x0000000096000005", text("[  494.438108]   ESR = 0x0000000096000005"));
        assertLine(0, -1, "Booting Linux on physical CPU 0x0000000000 [0x412fd050]",
                text("[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x412fd050]"));
        assertLine(12, -1, "", text("[    0.000012]"));
    }

    @Test
    void dmesgVariantsRawPriorityCallerIdAndHumanTime() {
        assertLine(494442336, 0, "Internal error: Oops", text("<0>[  494.442336] Internal error: Oops"));
        assertLine(1000000, 6, "x", text("<14>[    1.000000] x"));
        assertLine(0, -1, "Booting Linux", text("[    0.000000][    T0] Booting Linux"));
        assertLine(494442336, -1, " mpp_task_finish+0x5c/0x1a0", text("[  494.442336] [ T2718]  mpp_task_finish+0x5c/0x1a0"));
        assertLine(494442336, -1, "[drm] Initialized rockchip", text("[  494.442336] [drm] Initialized rockchip"));
        assertLine(-1, -1, "mpp_rkvdec2 fdf80200.rkvdec: resetting...",
                text("[Sun Oct  1 19:58:14 2023] mpp_rkvdec2 fdf80200.rkvdec: resetting..."));
    }

    @Test
    void theSyslogdBroadcastAsTheOperatorSawIt() {
        List<KernelLine> seed = KernelFixtures.kernelLines("seed-syslogd-broadcast.txt");
        assertEquals(7, seed.size());
        assertLine(-1, -1, "Message from syslogd@linaro-alip at Dec 19 14:53:01 ...", seed.get(0));
        assertLine(494442336, -1, "Internal error: Oops: 0000000096000005 [#29] SMP", seed.get(1));
        assertLine(-1, -1, "", seed.get(2));
        assertLine(494838527, -1, "Code: f100007f fa401a64 540017a0 b9402ae0 (f8606a62)", seed.get(4));
        assertLine(-1, -1, "Connection to r58.itagenten.no closed by remote host.", seed.get(6));
        assertEquals(2, seed.get(1).seq());
    }

    @Test
    void syslogAndJournalForms() {
        assertLine(-1, -1, "Internal error: Oops: 0000000096000005 [#29] SMP",
                text("Dec 19 14:53:01 linaro-alip kernel: Internal error: Oops: 0000000096000005 [#29] SMP"));
        assertLine(-1, -1, " mpp_task_finish+0x5c/0x1a0", text("Dec  9 14:53:01 linaro-alip kernel:  mpp_task_finish+0x5c/0x1a0"));
        assertLine(4374775138L, -1, "---[ end trace 11b9d98f59725a46 ]---",
                text("Feb 21 01:47:30 localhost kernel: [ 4374.775138] ---[ end trace 11b9d98f59725a46 ]---"));
        assertLine(6449776475L, 3, "rkvdec_link_reg_dump:185: dump link config status from timeout",
                text("Mar 20 03:42:20 wwyc kern.err kernel: [ 6449.776475] rkvdec_link_reg_dump:185: dump link config status from timeout"));
        assertLine(-1, -1, "eth0: Link is Up",
                text("2024-12-19T14:53:01.123456+01:00 linaro-alip kernel: eth0: Link is Up"));
        assertLine(494442336, -1, "Internal error: Oops",
                text("[  494.442336] linaro-alip kernel: Internal error: Oops"));
        assertLine(-1, -1, "Unable to handle kernel paging request", text("kernel: Unable to handle kernel paging request"));
    }

    @Test
    void plainTextStaysWhole() {
        assertLine(-1, -1, "Unable to handle kernel paging request", text("Unable to handle kernel paging request"));
        assertLine(-1, -1, " mpp_task_finish+0x5c/0x1a0", text(" mpp_task_finish+0x5c/0x1a0\r\n"));
        assertLine(-1, -1, "systemd[1]: Started kernel: foo", text("systemd[1]: Started kernel: foo"));
        assertLine(-1, -1, "[not a timestamp] x", text("[not a timestamp] x"));
        assertLine(-1, -1, "", text(""));
        assertEquals(7, text("x").seq());
        assertEquals(1000, text("x").receivedMillis());
    }

    @Test
    void kmsgRecordsWithContinuationAndDictionaryLines() {
        List<KernelLine> lines = new ArrayList<>();
        int dictionary = 0;
        for (String record : KernelFixtures.lines("kmsg-records.txt")) {
            KernelLine line = KernelText.fromKmsg(record, 5);
            if (line == null) {
                dictionary++;
            } else {
                lines.add(line);
            }
        }
        assertEquals(6, dictionary);
        assertEquals(18, lines.size());
        KernelLine first = lines.get(0);
        assertEquals(1021, first.seq());
        assertLine(2781678, 6, "mpp_rkvenc2 fdbd0000.rkvenc-core: Adding to iommu group 8", first);
        assertEquals(5, first.receivedMillis());
        assertLine(3000002, 4, " skipping remainder of the config", lines.get(4));
        assertEquals("r8168: This product is covered by one or more of the following patents: US6,570,884, "
                + "US6,115,776; and US6,327,625.", lines.get(5).text());
        assertEquals("tab\tseparated\\path and \u201cquotes\u201d", lines.get(6).text());
        assertLine(494644590, 4, " mpp_task_finish+0x5c/0x1a0", lines.get(13));
        assertLine(494442336, 0, "Internal error: Oops: 0000000096000005 [#29] SMP", lines.get(10));
    }

    @Test
    void kmsgHeaderFieldsAndFlags() {
        KmsgRecord systemd = KmsgRecord.parse("30,1023,2790112,-;systemd[1]: Hostname set to <linaro-alip>.");
        assertEquals(6, systemd.priority());
        assertEquals(3, systemd.facility());
        assertEquals(false, systemd.fromKernel());
        KmsgRecord start = KmsgRecord.parse("4,1024,3000001,c;usb 3-1: config 1 has an invalid descriptor of length 0,");
        assertEquals('c', start.flag());
        assertEquals(true, start.fromKernel());
        assertEquals('+', KmsgRecord.parse("4,1025,3000002,+; skipping").flag());
        assertEquals('-', KmsgRecord.parse("6,1,2,-,caller=T1;x").flag());
        // a whole read() carries the dictionary after the message
        KmsgRecord whole = KmsgRecord.parse("3,2050,498001122,-;rk_iommu fdbdf000.iommu: Page fault\n SUBSYSTEM=platform\n");
        assertEquals("rk_iommu fdbdf000.iommu: Page fault", whole.text());
        assertNull(KmsgRecord.parse(" DEVICE=+platform:fdbdf000.iommu"));
        assertNull(KmsgRecord.parse(""));
        assertThrows(IllegalArgumentException.class, () -> KmsgRecord.parse("no header here"));
        assertThrows(IllegalArgumentException.class, () -> KmsgRecord.parse("6,x,2,-;text"));
    }

    @Test
    void escapesAreUndoneAndOddBackslashesKept() {
        assertEquals("a\nb", KmsgRecord.unescape("a\\x0ab"));
        assertEquals("\u00e9t\u00e9", KmsgRecord.unescape("\\xc3\\xa9t\\xc3\\xa9"));
        assertEquals("\\x", KmsgRecord.unescape("\\x"));
        assertEquals("\\xg1 \\x4", KmsgRecord.unescape("\\xg1 \\x4"));
        assertEquals("mpp_task_finish+0x5c/0x1a0", KmsgRecord.unescape("mpp_task_finish+0x5c/0x1a0"));
    }

    @Test
    void aMalformedKmsgRecordIsKeptAsText() {
        KernelLine line = KernelText.fromKmsg("garbage without header", 9);
        assertNotNull(line);
        assertEquals(-1, line.seq());
        assertEquals("garbage without header", line.text());
    }
}
