package com.example.crm.keycloak.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RefusedLinksTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsEachRefusalByItsReason() {
        RefusedLinks.count(registry, LinkVerdict.EXPIRED);
        RefusedLinks.count(registry, LinkVerdict.EXPIRED);
        RefusedLinks.count(registry, LinkVerdict.SUPERSEDED);
        assertEquals(2, registry.get(RefusedLinks.NAME).tag("reason", "expired").counter().count());
        assertEquals(1, registry.get(RefusedLinks.NAME).tag("reason", "superseded").counter().count());
    }

    @Test
    void anAllowedLinkIsNoRefusal() {
        assertThrows(IllegalArgumentException.class, () -> RefusedLinks.count(registry, LinkVerdict.ALLOWED));
    }
}
