package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetStatistics;
import com.example.crm.domain.model.reset.ResetStatistics.DayCount;
import com.example.crm.domain.model.reset.ResetStatistics.FrequentRecipient;
import com.example.crm.domain.model.reset.ResetStatistics.ReasonCount;
import com.example.crm.domain.model.reset.ResetStatistics.TimeToPasswordSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The resets dashboard for admins: the last 30 days of attempts, open links, and what needs a look. */
@ApplicationScoped
public class ResetDashboard {

    public static final int DAYS = 30;
    /** Users sent this many links within {@link #REPEAT_WINDOW} are listed: the email may not reach them, or resets are abused. */
    public static final int REPEATED_LINKS = 3;
    public static final Duration REPEAT_WINDOW = Duration.ofDays(7);
    private static final int LISTED = 5;

    @Inject
    ResetStatistics statistics;

    @Inject
    SignedInAdmin admins;

    public Figures figures(Instant now, ZoneId zone) {
        admins.require();
        LocalDate lastDay = LocalDate.ofInstant(now, zone);
        LocalDate firstDay = lastDay.minusDays(DAYS - 1);
        Instant since = firstDay.atStartOfDay(zone).toInstant();
        return new Figures(firstDay, lastDay,
                statistics.attemptsPerDay(since, zone),
                statistics.timeToPasswordSet(since),
                statistics.openLinks(now),
                statistics.soonestExpiring(now, LISTED),
                statistics.notSentReasons(since, LISTED),
                statistics.usersEmailedAtLeast(REPEATED_LINKS, now.minus(REPEAT_WINDOW), LISTED));
    }

    public record Figures(LocalDate firstDay, LocalDate lastDay, List<DayCount> perDay,
                          Optional<TimeToPasswordSet> timeToPasswordSet, long openLinks, List<ResetRequest> soonestExpiring,
                          List<ReasonCount> notSentReasons, List<FrequentRecipient> frequentRecipients) {
    }
}
