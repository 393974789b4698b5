package com.example.crm.interfaces.web;

import com.example.crm.application.ResetStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

/** Tells open pages (f:websocket channel "resetStatus") which user's reset status changed, once it is committed. */
@ApplicationScoped
public class ResetStatusPush {

    @Inject
    @Push(channel = "resetStatus")
    PushContext channel;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResetStatusChanged change) {
        channel.send(change.crmUserId()); // only the CRM user id: pages that show that user reload their part
    }
}
