package com.example.crm.loadtest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failed requests that Gatling logged ({@code failed-requests.log}, see logback-test.xml), grouped by request
 * and error, with the addresses they went to: enough to tell which pages or users a failure concerns.
 */
public final class FailedRequests {

    private static final Pattern FAILURE = Pattern.compile("^\\S+ Request '([^']+)' failed for user \\d+: (.*)$");
    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PUT|DELETE) (\\S+)$");

    /** One kind of failure: the request's name, Gatling's message, and how often each address failed so. */
    public record Failure(String request, String error, Map<String, Integer> urls) {

        public int count() {
            return urls.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private FailedRequests() {
    }

    public static List<Failure> read(String log) {
        Map<String, Failure> failures = new LinkedHashMap<>();
        Failure current = null;
        for (String line : log.split("\\R")) {
            Matcher failure = FAILURE.matcher(line);
            if (failure.matches()) {
                String request = failure.group(1);
                String error = failure.group(2);
                current = failures.computeIfAbsent(request + "\u0000" + error,
                        key -> new Failure(request, error, new TreeMap<>()));
                continue;
            }
            Matcher request = REQUEST_LINE.matcher(line);
            if (current != null && request.matches()) {
                current.urls().merge(request.group(1) + " " + pathOf(request.group(2)), 1, Integer::sum);
                current = null;
            }
        }
        return new ArrayList<>(failures.values());
    }

    /** The failures in Markdown: one line each, with up to ten of the addresses. */
    public static String markdown(List<Failure> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Failed requests (from failed-requests.log):\n\n");
        for (Failure failure : failures) {
            List<String> urls = new ArrayList<>();
            failure.urls().entrySet().stream().limit(10)
                    .forEach(url -> urls.add("`" + url.getKey() + "`" + (url.getValue() > 1 ? " ×" + url.getValue() : "")));
            text.append("- ").append(failure.request()).append(": ").append(failure.error()).append(" — ")
                    .append(failure.count()).append(" times: ").append(String.join(", ", urls))
                    .append(failure.urls().size() > 10 ? ", …" : "").append('\n');
        }
        return text.toString();
    }

    private static String pathOf(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }
}
