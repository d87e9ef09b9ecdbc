package dev.r58ctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** r58ctl bundle end to end: a bundle of the seed's incident read back with commons-compress. */
class BundleCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void bundleHoldsTheEvidenceRedactedAndNoRecordings() throws Exception {
        BundleFixture f = new BundleFixture(tmp);
        f.incident();
        Path out = Files.createDirectories(tmp.resolve("out"));
        CliRun r = f.run("bundle", "--since-mark", "before-oops", "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        Path file = Path.of(r.out().strip());
        assertEquals(out, file.getParent());
        assertTrue(file.getFileName().toString().matches("r58ctl-bundle-[A-Za-z0-9._-]+-\\d{8}-\\d{6}\\.tar\\.gz"), r.out());
        assertEquals(List.of(file), list(out), "only the bundle, no temporary file left");
        Map<String, String> b = BundleArchive.read(file);
        for (String name : List.of("README.txt", "versions.txt", "config/effective.json", "config/r58ctl-config.yml",
                "config/recorder-config.yml", "status.json", "kernel/since-mark-before-oops.txt",
                "kernel/previous-boot.txt", "stability/matrix.json", "state/kernel/incidents.jsonl",
                "state/kernel/marks.json", "state/stability/runs/20261126-010000-encode-mpph264enc.json",
                "state/checklist/current.json", "state/checklist/history/20261125-2300.json", "state/guard/trial.json",
                "state/guard/last.json", "state/rollback/20261126-0130/journal.json", "state/remote/r58.local-kmsg.log",
                "repo/log.txt", "repo/status.json", "repo/diff.patch", "state/r58ctl.log")) {
            assertTrue(b.containsKey(name), name + " missing from " + b.keySet());
        }
        String readme = b.get("README.txt");
        b.keySet().forEach(name -> assertTrue(readme.contains("\n" + name + " "), "README.txt names " + name));

        String recorder = b.get("config/recorder-config.yml");
        for (String secret : List.of("hunter2", "abc", "\"x\"")) {
            assertFalse(recorder.contains(secret), secret + " left in\n" + recorder);
        }
        assertTrue(recorder.contains("  password: <redacted>\n") && recorder.contains("  \"secret_key\": \"<redacted>\"\n")
                && recorder.contains("  api_token=<redacted>\n") && recorder.contains("  user: recorder\n"), recorder);
        assertEquals(Files.readAllLines(f.recorderConfig).size(), recorder.split("\n", -1).length - 1, recorder);
        assertFalse(b.get("config/effective.json").contains("hunter2"));

        assertTrue(b.keySet().stream().noneMatch(n -> n.endsWith(".mp4") || n.endsWith(".mkv") || n.contains("recordings/")
                || n.endsWith("huge.log")), b.keySet().toString());
        assertTrue(readme.contains("state/stability/recordings/: a recording directory: never read"), readme);
        assertTrue(readme.contains("state/stability/files/20261126-010000-encode-mpph264enc.mkv: a media"), readme);
        assertTrue(readme.contains("state/remote/huge.log: over the size cap (9.0 MiB > 8.0 MiB)"), readme);

        String kernel = b.get("kernel/since-mark-before-oops.txt");
        assertTrue(kernel.contains("C [  494.442336] Internal error: Oops: 0000000096000005 [#29] SMP"), kernel);
        assertFalse(kernel.contains("before the mark"), kernel);
        assertTrue(b.get("kernel/previous-boot.txt").contains("Internal error: Oops"));
        assertTrue(b.get("state/kernel/incidents.jsonl").contains("Internal error: Oops"), "journal holds the Oops");
        assertTrue(JSON.readTree(b.get("status.json")).has("system"));
        assertTrue(b.get("repo/log.txt").contains("Migrate to H.265 hardware encoding"), b.get("repo/log.txt"));
        String diff = b.get("repo/diff.patch");
        assertTrue(diff.contains("hotfix during incident") && !diff.contains("untracked notes")
                && !diff.contains("precious"), diff);
        assertTrue(diff.contains("\n+api_token: <redacted>\n") && !diff.contains("t0ps3cret"), diff);
        assertTrue(b.get("versions.txt").contains("java:      " + System.getProperty("java.version")));
        assertTrue(b.get("state/r58ctl.log").contains("bundle " + file), "this run is in the log copy");
    }

    @Test
    void withTheRecorderAndItsCheckoutMissingTheBundleIsStillWritten() throws Exception {
        BundleFixture f = new BundleFixture(tmp);
        Path config = f.write(tmp.resolve("gone"), tmp.resolve("gone/config.yml"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        CliRun r = CliRun.with(config, "bundle", "-o", out.resolve("incident.tar.gz").toString(), "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode doc = JSON.readTree(r.out());
        Path file = out.resolve("incident.tar.gz");
        assertEquals(file.toString(), doc.get("path").asText());
        assertEquals(Files.size(file), doc.get("size").asLong());
        Map<String, String> b = BundleArchive.read(file);
        assertEquals(b.keySet().stream().sorted().toList(), stream(doc.get("files")).sorted().toList());
        assertTrue(b.containsKey("status.json") && b.containsKey("kernel/this-boot.txt") && !b.containsKey("repo/log.txt"));
        String readme = b.get("README.txt");
        assertTrue(readme.contains("repository: " + tmp.resolve("gone") + ": no such directory (recorder.repo)"), readme);
        assertTrue(readme.contains("the recorder's own configuration file: " + tmp.resolve("gone/config.yml")
                + ": no such file"), readme);
        assertTrue(stream(doc.get("missing")).anyMatch(m -> m.contains("no such directory")), doc.toString());
        assertTrue(JSON.readTree(b.get("status.json")).get("streams").toString().contains("unreachable")
                || b.get("status.json").contains("refused"), b.get("status.json"));
    }

    @Test
    void aMissingOutputDirectoryOrAnUnknownMarkIsOneLineExitTwoAndNothingWritten() throws Exception {
        BundleFixture f = new BundleFixture(tmp);
        f.incident();
        Path out = Files.createDirectories(tmp.resolve("out"));
        CliRun badDir = f.run("bundle", "-o", tmp.resolve("absent/b.tar.gz").toString());
        assertEquals(2, badDir.exit(), badDir.toString());
        assertEquals("r58ctl: cannot write " + tmp.resolve("absent/b.tar.gz") + ": directory " + tmp.resolve("absent")
                + " does not exist\n", badDir.err());
        assertEquals("", badDir.out());
        assertFalse(Files.exists(tmp.resolve("absent")));
        Path old = Files.writeString(out.resolve("old.tar.gz"), "an earlier bundle");
        CliRun noMark = f.run("bundle", "--since-mark", "nope", "-o", old.toString());
        assertEquals(2, noMark.exit(), noMark.toString());
        assertEquals("r58ctl: no kernel-log mark \"nope\"; known marks: before-oops\n", noMark.err());
        assertEquals(List.of(old), list(out));
        assertEquals("an earlier bundle", Files.readString(old), "untouched");
        CliRun again = f.run("bundle", "-o", old.toString());
        assertEquals(0, again.exit(), again.toString());
        assertEquals(List.of(old), list(out), "replaced whole, no temporary file left");
        assertTrue(BundleArchive.read(old).containsKey("kernel/this-boot.txt"));
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static Stream<String> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.isTextual() ? n.asText()
                : n.toString());
    }
}
