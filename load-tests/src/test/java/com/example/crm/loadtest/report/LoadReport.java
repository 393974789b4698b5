package com.example.crm.loadtest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * After Gatling: writes {@code load-report.md} (the per-action table and the accounting, in the form
 * docs/RELIABILITY.md keeps) and fails the build if any request failed or any attempt is not accounted for.
 * Arguments: Gatling's results folder and the simulation's output folder.
 */
public final class LoadReport {

    private static final Logger LOG = Logger.getLogger(LoadReport.class.getName());
    private static final Pattern WINDOW = Pattern.compile("load window seconds: ([0-9.]+)");
    private static final String ACCOUNTED_FOR = "Verdict: every attempt accounted for";
    /** The admins' actions in the order they do them; other top-level rows follow. */
    private static final List<String> ORDER = List.of("sign in", "users list", "search users", "profile",
            "profile: compare address with Keycloak", "send reset link", "audit log");

    private LoadReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LoadReport <gatling results folder> <load output folder>");
        }
        Path accountingFile = Path.of(args[1]).resolve("accounting.md");
        if (!Files.exists(accountingFile)) {
            throw new IllegalStateException("No " + accountingFile + ": the simulation did not finish (see above).");
        }
        Path index = newestReport(Path.of(args[0]));
        if (Files.getLastModifiedTime(index).compareTo(Files.getLastModifiedTime(accountingFile)) < 0) {
            throw new IllegalStateException("The newest Gatling report " + index + " is older than this run's"
                    + " accounting: Gatling wrote no report for this run (see above).");
        }
        String accounting = Files.readString(accountingFile, StandardCharsets.UTF_8);
        List<GatlingStats.Row> rows = GatlingStats.read(Files.readString(index, StandardCharsets.UTF_8));
        Path failedLog = Path.of(args[1]).resolve("failed-requests.log");
        String failed = Files.exists(failedLog)
                ? FailedRequests.markdown(FailedRequests.read(Files.readString(failedLog, StandardCharsets.UTF_8))) : "";
        String report = markdown(rows, accounting, index) + (failed.isEmpty() ? "" : "\n" + failed);
        Path out = Path.of(args[1]).resolve("load-report.md");
        Files.writeString(out, report, StandardCharsets.UTF_8);
        LOG.info(() -> "\n" + report + "\nWritten to " + out);

        long failures = rows.stream().filter(row -> row.parent() == null).mapToLong(GatlingStats.Row::ko).sum();
        if (failures > 0 || !accounting.contains(ACCOUNTED_FOR)) {
            throw new IllegalStateException("The load test failed: " + failures + " failed requests"
                    + (accounting.contains(ACCOUNTED_FOR) ? "" : ", and not every attempt is accounted for")
                    + ". Gatling's errors are listed above and in " + index + "; failed requests with their answers in "
                    + failedLog + ".");
        }
    }

    /** The report: the table of the admins' actions over the load window, the totals, and the accounting. */
    static String markdown(List<GatlingStats.Row> rows, String accounting, Path index) {
        Matcher window = WINDOW.matcher(accounting);
        double seconds = window.find() ? Double.parseDouble(window.group(1)) : Double.NaN;
        StringBuilder text = new StringBuilder();
        text.append("| action | requests | throughput/s | p50 ms | p95 ms | p99 ms | errors |\n");
        text.append("|---|---|---|---|---|---|---|\n");
        rows.stream()
                .filter(GatlingStats.Row::topLevel)
                .filter(row -> !row.name().equals("accounting"))
                .sorted(Comparator.comparingInt(LoadReport::position))
                .forEach(row -> text.append("| ").append(row.group() ? row.name() + " (whole: CRM → Keycloak form →"
                                + " credentials → back to the CRM)" : row.name())
                        .append(" | ").append(row.requests())
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f", row.requests() / seconds))
                        .append(" | ").append(row.p50()).append(" | ").append(row.p95()).append(" | ").append(row.p99())
                        .append(" | ").append(row.ko()).append(" |\n"));
        GatlingStats.Row all = rows.stream().filter(row -> row.parent() == null).findFirst().orElseThrow();
        text.append('\n').append(String.format(Locale.ROOT, "Throughput over the %.0f s load window (first sign-in to"
                        + " the last admin done). All requests of the run, sign-in hops and accounting included: %d,"
                        + " failed: %d. Gatling's report: %s (%s).%n", seconds, all.requests(), all.ko(),
                index.getParent().getFileName(), Instant.now()));
        text.append('\n').append(accounting.replaceAll("<!--.*?-->\\n?", ""));
        return text.toString();
    }

    private static int position(GatlingStats.Row row) {
        int position = ORDER.indexOf(row.name());
        return position < 0 ? ORDER.size() : position;
    }

    private static Path newestReport(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            throw new IllegalStateException("No Gatling results in " + results + ": Gatling did not run (see above).");
        }
        try (Stream<Path> runs = Files.list(results)) {
            return runs.map(run -> run.resolve("index.html"))
                    .filter(Files::exists)
                    .max(Comparator.comparing(LoadReport::modified))
                    .orElseThrow(() -> new IllegalStateException("No Gatling report in " + results + " (see above)."));
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
