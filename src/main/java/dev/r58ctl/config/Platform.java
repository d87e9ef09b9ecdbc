package dev.r58ctl.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The kind of machine r58ctl runs on: the RK3588 board with its MPP encoders, or any other Linux machine. */
public enum Platform {
    R58, GENERIC;

    /** The device tree's compatible list; a NUL-separated string on ARM boards, absent on PCs. */
    static final Path DEVICE_TREE_COMPATIBLE = Path.of("/proc/device-tree/compatible");

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code r58} when the device tree says {@code rockchip,rk3588}, otherwise {@code generic}. */
    public static Platform detect(Path compatibleFile) {
        try {
            byte[] raw = Files.readAllBytes(compatibleFile);
            String compatible = new String(raw, StandardCharsets.US_ASCII);
            for (String entry : compatible.split("\0")) {
                if (entry.trim().equals("rockchip,rk3588")) {
                    return R58;
                }
            }
            return GENERIC;
        } catch (IOException e) {
            return GENERIC;
        }
    }
}
