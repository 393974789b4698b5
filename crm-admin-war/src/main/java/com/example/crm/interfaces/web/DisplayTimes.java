package com.example.crm.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Times as admins read them, in the page's language: "27 Nov 2026, 23:39 UTC" and "in 12 hours". */
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
        Locale locale = pageLocale();
        return DateTimeFormatter.ofPattern(words(locale).getString("time.pattern"), locale).withZone(zone()).format(instant);
    }

    public String relative(Instant instant) {
        return instant == null ? "" : relative(Duration.between(clock.instant(), instant), words(pageLocale()));
    }

    static String relative(Duration untilThen, ResourceBundle words) {
        boolean past = untilThen.isNegative();
        long minutes = Math.abs(untilThen.toMinutes());
        String amount;
        if (minutes < 1) {
            return words.getString(past ? "time.justNow" : "time.lessThanAMinute");
        } else if (minutes < 90) {
            amount = MessageFormat.format(words.getString("time.minutes"), minutes);
        } else if (minutes < 48 * 60) {
            amount = MessageFormat.format(words.getString("time.hours"), Math.round(minutes / 60.0));
        } else {
            amount = MessageFormat.format(words.getString("time.days"), Math.round(minutes / 1440.0));
        }
        return MessageFormat.format(words.getString(past ? "time.past" : "time.future"), amount);
    }

    /** The language of the page being rendered; English outside a page (logs, background work). */
    private static Locale pageLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
    }

    private static ResourceBundle words(Locale locale) {
        return ResourceBundle.getBundle(ResetMessages.BUNDLE, locale);
    }
}
