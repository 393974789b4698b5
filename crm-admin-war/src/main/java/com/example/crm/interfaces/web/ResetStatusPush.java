package com.example.crm.interfaces.web;

import com.example.crm.application.ResetStatusChanged;
import com.example.crm.infrastructure.cluster.StatusChangeBroadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the open profile pages of a user ({@link ResetStatusSocket}, one socket per page) that the user's reset status
 * changed, once it is committed, on every CRM instance. Works from any thread, so reports, background checks and the
 * data grid's messages can push.
 */
@ApplicationScoped
public class ResetStatusPush {

    /** All the message says: the page asks the CRM for the rest, through its own signed-in request. */
    static final String CHANGED = "changed";

    private final Map<Long, Set<Session>> openProfiles = new ConcurrentHashMap<>();

    @Inject
    StatusChangeBroadcast broadcast;

    /** Listens from the start, so that changes made on other instances reach this one's pages. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        broadcast.listen(this::tell);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResetStatusChanged change) {
        broadcast.publish(change.crmUserId());
    }

    void opened(long crmUserId, Session page) {
        openProfiles.computeIfAbsent(crmUserId, id -> ConcurrentHashMap.newKeySet()).add(page);
    }

    void closed(long crmUserId, Session page) {
        openProfiles.computeIfPresent(crmUserId, (id, pages) -> pages.remove(page) && pages.isEmpty() ? null : pages);
    }

    private void tell(long crmUserId) {
        for (Session page : openProfiles.getOrDefault(crmUserId, Set.of())) {
            try {
                synchronized (page) { // one message at a time per socket
                    page.getBasicRemote().sendText(CHANGED);
                }
            } catch (IOException | IllegalStateException gone) {
                closed(crmUserId, page); // the page went away; it reconnects if it is still open
            }
        }
    }
}
