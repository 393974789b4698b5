package com.example.crm.loadtest.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics table of a Gatling report ({@code index.html}): one row per request name and per group, with its
 * counts and response-time percentiles. Gatling 3.16 writes these only into the HTML (no stats.json any more), so the
 * columns are found by their headings, and a report laid out otherwise is refused rather than misread.
 */
public final class GatlingStats {

    private static final Pattern HEADING = Pattern.compile("<th id=\"col-(\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)<");
    private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"(?: data-parent=\"([^\"]+)\")?\\s*>(.*?)</tr>",
            Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");
    private static final Pattern VALUE = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    /** One line of the table. Times in ms; {@code parent} is "ROOT" for top-level rows, null for the total. */
    public record Row(String id, String parent, String name, long requests, long ok, long ko, long p50, long p95,
            long p99) {

        public boolean group() {
            return id.startsWith("group_");
        }

        public boolean topLevel() {
            return "ROOT".equals(parent);
        }
    }

    private GatlingStats() {
    }

    /** Every row of the report's statistics table, the "All Requests" total first. */
    public static List<Row> read(String indexHtml) {
        Map<String, String> columns = new HashMap<>();
        Matcher heading = HEADING.matcher(indexHtml);
        while (heading.find()) {
            columns.put(heading.group(2).strip(), heading.group(1));
        }
        String total = column(columns, "Total");
        String ok = column(columns, "OK");
        String ko = column(columns, "KO");
        String p50 = column(columns, "50th pct");
        String p95 = column(columns, "95th pct");
        String p99 = column(columns, "99th pct");
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(indexHtml);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(3));
            if (!name.find()) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            Matcher value = VALUE.matcher(row.group(3));
            while (value.find()) {
                values.put(value.group(1), value.group(2).strip());
            }
            rows.add(new Row(row.group(1), row.group(2), unescape(name.group(1)), number(values.get(total)),
                    number(values.get(ok)), number(values.get(ko)), number(values.get(p50)), number(values.get(p95)),
                    number(values.get(p99))));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no statistics rows in the Gatling report");
        }
        return rows;
    }

    private static String column(Map<String, String> columns, String heading) {
        String column = columns.get(heading);
        if (column == null) {
            throw new IllegalArgumentException("the Gatling report has no column \"" + heading + "\"; columns: "
                    + columns.keySet());
        }
        return column;
    }

    /** A count or a time; "-" (no value, e.g. no OK request) reads as -1. */
    private static long number(String value) {
        if (value == null || value.isEmpty() || value.equals("-")) {
            return -1;
        }
        return Math.round(Double.parseDouble(value.replace(",", "")));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
