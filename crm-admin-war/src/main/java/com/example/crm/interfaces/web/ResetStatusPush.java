package com.example.crm.interfaces.web;

import com.example.crm.application.ResetStatusChanged;
import com.example.crm.infrastructure.cluster.StatusChangeBroadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

/**
 * Tells the open profile pages of a user (f:websocket channel "resetStatus", one channel per page, with that user's
 * id as its target) that the user's reset status changed, once it is committed, on every CRM instance. Targeting
 * works from any thread, so reports, background checks and the data grid's messages can push; a page's channel id
 * is good for that page only.
 */
@ApplicationScoped
public class ResetStatusPush {

    @Inject
    @Push(channel = "resetStatus")
    PushContext channel;

    @Inject
    StatusChangeBroadcast broadcast;

    /** Listens from the start, so that changes made on other instances reach this one's pages. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        broadcast.listen(crmUserId -> channel.send(crmUserId, crmUserId)); // only the id, to the pages showing that user
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResetStatusChanged change) {
        broadcast.publish(change.crmUserId());
    }
}
