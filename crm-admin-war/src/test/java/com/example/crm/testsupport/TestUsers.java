package com.example.crm.testsupport;

import com.example.crm.domain.model.user.CrmUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Creates CRM users for a test, each with names unique to that test. */
@ApplicationScoped
public class TestUsers {

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Transactional
    public CrmUser create(String firstName, String lastName, String email, boolean active, boolean linked) {
        String username = (firstName + "." + lastName + "." + UUID.randomUUID()).toLowerCase();
        CrmUser user = new CrmUser(username, firstName, lastName, email, active, "Support agent",
                linked ? UUID.randomUUID().toString() : null);
        em.persist(user);
        return user;
    }
}
