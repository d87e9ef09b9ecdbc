package dev.r58ctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {
    @TempDir
    Path tmp;

    private Platform detect(String content) throws Exception {
        Path f = tmp.resolve("compatible");
        Files.writeString(f, content);
        return Platform.detect(f);
    }

    @Test
    void rk3588InNulSeparatedList() throws Exception {
        assertEquals(Platform.R58, detect("mekotronics,r58\0rockchip,rk3588\0"));
    }

    @Test
    void rk3588First() throws Exception {
        assertEquals(Platform.R58, detect("rockchip,rk3588\0"));
    }

    @Test
    void rk3588WithoutTrailingNul() throws Exception {
        assertEquals(Platform.R58, detect("mekotronics,r58x\0rockchip,rk3588"));
    }

    @Test
    void otherBoards() throws Exception {
        assertEquals(Platform.GENERIC, detect("raspberrypi,4-model-b\0brcm,bcm2711\0"));
        assertEquals(Platform.GENERIC, detect("rockchip,rk3568\0"));
        assertEquals(Platform.GENERIC, detect("rockchip,rk3588s-foo\0"));
        assertEquals(Platform.GENERIC, detect("xrockchip,rk3588\0"));
        assertEquals(Platform.GENERIC, detect(""));
    }

    @Test
    void substringIsNotEnough() throws Exception {
        // Entries are compared whole.
        assertEquals(Platform.GENERIC, detect("vendor,board rockchip,rk3588 clone\0"));
    }

    @Test
    void missingFileIsGeneric() {
        assertEquals(Platform.GENERIC, Platform.detect(tmp.resolve("missing")));
    }

    @Test
    void directoryIsGeneric() {
        assertEquals(Platform.GENERIC, Platform.detect(tmp));
    }

    @Test
    void keys() {
        assertEquals("r58", Platform.R58.key());
        assertEquals("generic", Platform.GENERIC.key());
    }
}
