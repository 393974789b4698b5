package com.example.crm.application;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.EmailChange;
import com.example.crm.domain.model.user.EmailChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Changes to the CRM's own user rows, each in a short transaction of its own (never around a Keycloak call). */
@ApplicationScoped
public class CrmUserUpdates {

    @Inject
    CrmUsers users;

    @Inject
    EmailChanges changes;

    @Inject
    Clock clock;

    /** Sets the user's address, and records who changed it from what to what for the audit log. */
    @Transactional
    public void changeEmail(long crmUserId, String email, String admin, boolean inKeycloak) {
        CrmUser user = users.lock(crmUserId).orElseThrow(() -> new UnknownUserException(crmUserId));
        changes.add(new EmailChange(user, admin, clock.instant(), user.getEmail(), email, inKeycloak));
        user.changeEmail(email);
    }
}
