package com.example.crm.application;

import com.example.crm.domain.model.user.CrmUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Changes to the CRM's own user rows, each in a short transaction of its own (never around a Keycloak call). */
@ApplicationScoped
public class CrmUserUpdates {

    @Inject
    CrmUsers users;

    @Transactional
    public void changeEmail(long crmUserId, String email) {
        users.lock(crmUserId).orElseThrow(() -> new UnknownUserException(crmUserId)).changeEmail(email);
    }
}
