package com.example.crm.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The warnings about reports the callback refused, at most one per reason a minute, so that a flood of bad requests
 * to the public callback cannot fill the disk. The next warning for a reason says how many were left out before it.
 */
@ApplicationScoped
public class RejectedReportsLog {

    /** Why a report was refused; each has its own minute. */
    public enum Reason { TOO_LARGE, SIGNATURE, TIME_WINDOW, OTHER_REALM, NOT_A_REPORT }

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(RejectedReportsLog.class.getName());

    @Inject
    Clock clock;

    Consumer<String> warnings = LOG::warning;

    private final Map<Reason, Instant> lastWarned = new EnumMap<>(Reason.class);
    private final Map<Reason, Long> leftOut = new EnumMap<>(Reason.class);

    /** Warns that a report was refused, saying {@code what} was wrong, unless this reason was warned of in the last minute. */
    public void rejected(Reason reason, String what) {
        long before;
        synchronized (this) {
            Instant now = clock.instant();
            Instant last = lastWarned.get(reason);
            if (last != null && now.isBefore(last.plus(INTERVAL))) {
                leftOut.merge(reason, 1L, Long::sum);
                return;
            }
            lastWarned.put(reason, now);
            Long count = leftOut.remove(reason);
            before = count == null ? 0 : count;
        }
        warnings.accept("Refused a Keycloak report: " + what + (before == 0 ? "" : " (and " + before
                + " more for the same reason since the last such warning, not logged: at most one a minute)"));
    }
}
