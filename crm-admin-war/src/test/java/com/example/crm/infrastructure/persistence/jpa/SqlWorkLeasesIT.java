package com.example.crm.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.application.WorkLeases;
import com.example.crm.testsupport.CrmDeployment;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two CRM instances claiming the same work through the database: one at a time, the other after the term. */
@ExtendWith(ArquillianExtension.class)
class SqlWorkLeasesIT {

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    WorkLeases leases;

    @Test
    void oneHolderAtATimeUntilItsTermRunsOutOrItGivesTheWorkUp() throws InterruptedException {
        String work = "job:" + UUID.randomUUID();
        assertTrue(leases.claim(work, "instance-a", Duration.ofMillis(800)), "the first claim makes the lease");
        assertFalse(leases.claim(work, "instance-b", Duration.ofSeconds(5)), "taken while the term runs");
        assertTrue(leases.claim(work, "instance-a", Duration.ofMillis(800)), "its holder renews it");

        Thread.sleep(1_000);
        assertTrue(leases.claim(work, "instance-b", Duration.ofSeconds(5)), "a term that ran out frees the work");
        assertFalse(leases.claim(work, "instance-a", Duration.ofSeconds(5)), "the old holder has lost it");

        leases.release(work, "instance-a");
        assertFalse(leases.claim(work, "instance-a", Duration.ofSeconds(5)), "only the holder can give it up");
        leases.release(work, "instance-b");
        assertTrue(leases.claim(work, "instance-a", Duration.ofSeconds(5)), "given up, anyone may claim it");
    }
}
