package com.example.crm.testsupport;

import com.example.crm.application.KeycloakAccounts;
import com.example.crm.application.KeycloakCallException;
import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.domain.model.reset.ResetFailure;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for Keycloak in container tests (the system tests use the real one): remembers who it was asked for,
 * and serves the stored events a test gives it.
 */
@ApplicationScoped
public class RecordingKeycloakAccounts implements KeycloakAccounts {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<LinkReport> storedEvents = new CopyOnWriteArrayList<>();
    private final List<String> lockOutCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile Duration sendTime = Duration.ZERO;
    private volatile Runnable duringNextSend = () -> { };
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final Set<String> takenEmails = ConcurrentHashMap.newKeySet();
    private final List<Instant> allUsersReads = new CopyOnWriteArrayList<>();
    private final AtomicInteger allUsersReadsInTransaction = new AtomicInteger();
    private volatile boolean allUsersReadBreaks;
    private volatile Duration allUsersReadTakes = Duration.ZERO;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public void sendPasswordReset(String keycloakId, Duration lifespan) {
        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(sendTime.toMillis()); // as long as Keycloak's SMTP hand-over takes, when a test says so
            calls.add(keycloakId);
            Runnable during = duringNextSend;
            duringNextSend = () -> { };
            during.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Something that happens while the next send is under way, after Keycloak took the request (a test's fault). */
    public void duringNextSend(Runnable fault) {
        duringNextSend = fault;
    }

    /** Each send takes this long from now on; the most sends in progress at once are counted afresh. */
    public void takeForEachSend(Duration time) {
        sendTime = time;
        mostAtOnce.set(0);
    }

    public int mostSendsAtOnce() {
        return mostAtOnce.get();
    }

    @Override
    public List<LinkReport> linkEventsSince(String keycloakId, Instant since) {
        return storedEvents.stream()
                .filter(event -> event.keycloakUserId().equals(keycloakId) && !event.occurredAt().isBefore(since))
                .toList();
    }

    @Override
    public List<LinkReport> linkEventsOfAllUsersSince(Instant since) {
        allUsersReads.add(since);
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            allUsersReadsInTransaction.incrementAndGet();
        }
        if (allUsersReadBreaks) {
            throw new KeycloakCallException(ResetFailure.KEYCLOAK_UNREACHABLE, null, null);
        }
        pause(allUsersReadTakes);
        return storedEvents.stream().filter(event -> !event.occurredAt().isBefore(since)).toList();
    }

    @Override
    public void removePassword(String keycloakId) {
        lockOutCalls.add("password " + keycloakId);
    }

    @Override
    public void endSessions(String keycloakId) {
        lockOutCalls.add("sessions " + keycloakId);
    }

    /** The lock-out steps asked for, in order: "password ID" and "sessions ID". */
    public List<String> lockOutCalls() {
        return List.copyOf(lockOutCalls);
    }

    @Override
    public Optional<String> emailOf(String keycloakId) {
        return Optional.ofNullable(emails.get(keycloakId));
    }

    @Override
    public void changeEmail(String keycloakId, String email) {
        if (takenEmails.contains(email)) {
            throw new KeycloakCallException(ResetFailure.KEYCLOAK_REJECTED_REQUEST, "User exists with same email", null);
        }
        emails.put(keycloakId, email);
    }

    /** The address "Keycloak" has for the user, as a test sets it. */
    public void hasEmail(String keycloakId, String email) {
        emails.put(keycloakId, email);
    }

    /** Another account already has this address: changing to it is refused, as Keycloak does. */
    public void takeEmail(String email) {
        takenEmails.add(email);
    }

    /** Reading every user's stored events fails from now on (Keycloak cannot be reached), or works again. */
    public void allUsersReadBreaks(boolean breaks) {
        allUsersReadBreaks = breaks;
    }

    /** Reading every user's stored events takes this long from now on (a slow Keycloak). */
    public void allUsersReadTakes(Duration time) {
        allUsersReadTakes = time;
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From when every user's stored events were read, read after read. */
    public List<Instant> allUsersReads() {
        return List.copyOf(allUsersReads);
    }

    /** How many reads of every user's stored events came while a database transaction was open. */
    public int allUsersReadsInTransaction() {
        return allUsersReadsInTransaction.get();
    }

    public List<String> calls() {
        return calls;
    }

    /** An event Keycloak stored, for reconciliation to find. */
    public void store(LinkReport event) {
        storedEvents.add(event);
    }
}
