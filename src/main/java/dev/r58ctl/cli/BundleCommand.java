package dev.r58ctl.cli;

import dev.r58ctl.bundle.Bundle;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code r58ctl bundle}: one .tar.gz of evidence for an incident report. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Write one .tar.gz for an incident report: configuration (secrets redacted), status, kernel lines "
                + "since a mark (or this boot) and the previous boot's, the incident journal, stability results and "
                + "matrix, checklist, trial, guard and rollback records, the checkout's log, status and diff, r58ctl's "
                + "log, versions, and a README.txt. Never recordings; works with the recorder down.")
final class BundleCommand extends BaseCommand {
    @Option(names = "--since-mark", paramLabel = "NAME", description = "Kernel lines of this boot after the mark NAME only.")
    String sinceMark;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write (an existing directory takes the default name; default: "
                    + "r58ctl-bundle-HOST-yyyyMMdd-HHmmss.tar.gz in the current directory).")
    Path output;

    @Option(names = "--json", description = "Print one JSON document: path, size, files, missing.")
    boolean json;

    @Override
    public Integer call() {
        Bundle.Result r = new Bundle(config()).sinceMark(sinceMark).output(output)
                .program(List.of(new VersionProvider().getVersion())).call();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("path", r.path());
            doc.put("size", r.size());
            doc.put("files", r.files());
            doc.put("missing", r.missing());
            doc.put("excluded", r.excluded());
            printJson(doc);
        } else {
            out().println(r.path());
        }
        return 0;
    }
}
