package com.example.crm.systemtest.support;

import java.util.Arrays;

/** Reads one series' value from a page in Prometheus' text format, as a scraper would. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of the series {@code name} whose labels include every {@code labels} pair (e.g. {@code reason="no_email"});
     * 0 when the page has no such series yet (a counter with these labels that never counted).
     */
    public static double value(String page, String name, String... labels) {
        return page.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0.0);
    }

    private static String labelsOf(String line) {
        int open = line.indexOf('{');
        return open < 0 ? "" : line.substring(open, line.indexOf('}') + 1);
    }
}
