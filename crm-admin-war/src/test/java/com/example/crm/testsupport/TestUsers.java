package com.example.crm.testsupport;

import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.user.CrmUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Creates CRM users for a test, each with names unique to that test, and links they were sent earlier. */
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

    public CrmUser reload(CrmUser user) {
        return em.find(CrmUser.class, user.getId());
    }

    /** A link the user was sent {@code ago} (as if by an earlier click), with this lifespan. */
    @Transactional
    public ResetRequest sentEarlier(CrmUser user, Duration ago, Duration lifespan) {
        Instant at = Instant.now().minus(ago).truncatedTo(ChronoUnit.MILLIS); // as precise as the database keeps it
        ResetRequest request = ResetRequest.requested(em.find(CrmUser.class, user.getId()), "admin", at, lifespan);
        request.markSent(at.plusSeconds(1));
        em.persist(request);
        return request;
    }
}
