package com.example.crm.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the load test runs against and how hard, from system properties (the load-tests pom passes them on, with the
 * dev stack's defaults). Every address must be on this machine, and every loop is bounded in time and in count.
 */
public record LoadSettings(
        URI crmUrl,
        URI mailApiUrl,
        String adminUsername,
        String adminPassword,
        int users,
        Duration duration,
        Duration ramp,
        Duration pauseMin,
        Duration pauseMax,
        double sendShare,
        int maxVisits,
        int maxProfileId,
        Path messages,
        Path output) {

    static final int MAX_USERS = 200;
    static final Duration MAX_DURATION = Duration.ofMinutes(30);
    static final int MAX_VISITS = 5_000;

    /** Reads the settings, and refuses them all at once (every bad value named) if any is wrong. */
    public static LoadSettings from(Properties properties) {
        List<String> problems = new ArrayList<>();
        Reader read = new Reader(properties, problems);
        LoadSettings settings = new LoadSettings(
                read.loopbackUrl("crm.url", "http://localhost:8080/crm"),
                read.loopbackUrl("mail.api.url", "http://127.0.0.1:8025"),
                read.text("admin.username", "admin"),
                read.text("admin.password", "admin"),
                read.number("load.users", 50, 1, MAX_USERS),
                Duration.ofSeconds(read.number("load.duration", 300, 1, (int) MAX_DURATION.toSeconds())),
                Duration.ofSeconds(read.number("load.ramp", 30, 0, 600)),
                Duration.ofMillis(Math.round(read.decimal("load.pause.min", 1, 0, 60) * 1000)),
                Duration.ofMillis(Math.round(read.decimal("load.pause.max", 3, 0, 60) * 1000)),
                read.decimal("load.send.share", 0.5, 0, 1),
                read.number("load.max.visits", 500, 1, MAX_VISITS),
                read.number("load.profile.ids", 112, 1, 1_000_000),
                Path.of(read.text("crm.messages",
                        "../crm-admin-war/src/main/resources/com/example/crm/interfaces/web/messages.properties")),
                Path.of(read.text("load.output", "target/load")));
        if (settings.pauseMin.compareTo(settings.pauseMax) > 0) {
            problems.add("load.pause.min (" + settings.pauseMin.toMillis() / 1000.0 + " s) is longer than load.pause.max ("
                    + settings.pauseMax.toMillis() / 1000.0 + " s)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The load test cannot start: " + String.join("; ", problems));
        }
        return settings;
    }

    public static LoadSettings fromSystemProperties() {
        return from(System.getProperties());
    }

    /** The CRM's origin (scheme, host and port), for the absolute paths that Faces forms post to. */
    public String crmOrigin() {
        return crmUrl.getScheme() + "://" + crmUrl.getAuthority();
    }

    /** True when {@code url} points at this machine (a name or address that resolves to loopback only). */
    public static boolean isLoopback(URI url) {
        if (url.getHost() == null) {
            return false;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(url.getHost());
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private record Reader(Properties properties, List<String> problems) {

        String text(String key, String fallback) {
            String value = properties.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        URI loopbackUrl(String key, String fallback) {
            String value = text(key, fallback);
            try {
                URI url = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                    problems.add(key + " is not an http(s) URL: " + value);
                } else if (!isLoopback(url)) {
                    problems.add(key + " must point at this machine (localhost, 127.0.0.0/8 or [::1]), not " + value);
                }
                return url;
            } catch (IllegalArgumentException e) {
                problems.add(key + " is not a URL: " + value);
                return URI.create(fallback);
            }
        }

        int number(String key, int fallback, int min, int max) {
            String value = text(key, Integer.toString(fallback));
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    problems.add(key + " must be between " + min + " and " + max + ", not " + value);
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(key + " is not a whole number: " + value);
                return fallback;
            }
        }

        double decimal(String key, double fallback, double min, double max) {
            String value = text(key, Double.toString(fallback));
            try {
                double number = Double.parseDouble(value);
                if (number < min || number > max) {
                    problems.add(key + " must be between " + min + " and " + max + ", not " + value);
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(key + " is not a number: " + value);
                return fallback;
            }
        }
    }
}
