package com.example.crm.interfaces.web;

import com.example.crm.application.ResetStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

/**
 * Tells the open profile pages of a user (f:websocket channel "resetStatus", one channel per page, with that user's
 * id as its target) that the user's reset status changed, once it is committed. Targeting works from any thread,
 * so reports and background checks can push; a page's channel id is good for that page only.
 */
@ApplicationScoped
public class ResetStatusPush {

    @Inject
    @Push(channel = "resetStatus")
    PushContext channel;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResetStatusChanged change) {
        channel.send(change.crmUserId(), change.crmUserId()); // only the CRM user id, to the pages showing that user
    }
}
