package com.example.crm.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Times as admins read them: "27 Nov 2026, 23:39 UTC" and "in 12 hours". */
@Named("times")
@ApplicationScoped
public class DisplayTimes {

    @Inject
    @ConfigProperty(name = "crm.display-time-zone", defaultValue = "UTC")
    String zone;

    @Inject
    Clock clock;

    /** The zone admins read times in; dates they type are days in this zone. */
    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH).withZone(ZoneId.of(zone)).format(instant);
    }

    public String relative(Instant instant) {
        return instant == null ? "" : relative(Duration.between(clock.instant(), instant));
    }

    static String relative(Duration untilThen) {
        boolean past = untilThen.isNegative();
        long minutes = Math.abs(untilThen.toMinutes());
        String amount;
        if (minutes < 1) {
            return past ? "just now" : "in less than a minute";
        } else if (minutes < 90) {
            amount = plural(minutes, "minute");
        } else if (minutes < 48 * 60) {
            amount = plural(Math.round(minutes / 60.0), "hour");
        } else {
            amount = plural(Math.round(minutes / 1440.0), "day");
        }
        return past ? amount + " ago" : "in " + amount;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
