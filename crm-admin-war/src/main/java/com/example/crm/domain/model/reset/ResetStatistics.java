package com.example.crm.domain.model.reset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Figures over all reset attempts, counted in the database (the resets dashboard). */
public interface ResetStatistics {

    /** Attempts requested since {@code since}, per day in {@code zone} and by what became of them. */
    List<DayCount> attemptsPerDay(Instant since, ZoneId zone);

    /** How long users took from the email to a new password, over links sent since {@code since}. */
    Optional<TimeToPasswordSet> timeToPasswordSet(Instant since);

    /** Links sent and still working at {@code now}. */
    long openLinks(Instant now);

    /** The open links that stop working soonest. */
    List<ResetRequest> soonestExpiring(Instant now, int max);

    /** Why attempts since {@code since} sent nothing, most frequent first (a null failure is the hourly limit). */
    List<ReasonCount> notSentReasons(Instant since, int max);

    /** Users emailed at least {@code links} links since {@code since}, most first. */
    List<FrequentRecipient> usersEmailedAtLeast(int links, Instant since, int max);

    record DayCount(LocalDate day, ResetStatus status, long attempts) {
    }

    record TimeToPasswordSet(Duration median, Duration p90, long links) {
    }

    record ReasonCount(ResetFailure failure, long attempts) {
    }

    record FrequentRecipient(long crmUserId, String fullName, long links) {
    }
}
