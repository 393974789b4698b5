package com.example.crm.application;

import java.time.Duration;

/**
 * Claims on work that one CRM instance at a time may do, kept in the database every instance shares: the timers of
 * the application server run on every instance, so a job or a bulk run is only done by the instance that holds it.
 */
public interface WorkLeases {

    /**
     * Claims {@code work} for {@code holder} until {@code term} from now, or renews the holder's claim. False when
     * another holder's term has not run out. Each call is its own transaction.
     */
    boolean claim(String work, String holder, Duration term);

    /** Gives the work up at once, if the holder still holds it. */
    void release(String work, String holder);
}
