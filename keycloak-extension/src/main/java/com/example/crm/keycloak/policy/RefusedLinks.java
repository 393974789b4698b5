package com.example.crm.keycloak.policy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Locale;

/**
 * Reset links the policy refused, by reason, on Keycloak's {@code /metrics} (Prometheus:
 * {@code crm_policy_links_refused_total{reason="expired"|"superseded"}}).
 */
public final class RefusedLinks {

    static final String NAME = "crm.policy.links.refused";

    private RefusedLinks() {
    }

    /** Counts a refusal in Keycloak's registry. */
    public static void count(LinkVerdict verdict) {
        count(Metrics.globalRegistry, verdict);
    }

    static void count(MeterRegistry registry, LinkVerdict verdict) {
        if (verdict == LinkVerdict.ALLOWED) {
            throw new IllegalArgumentException("An allowed link is no refusal");
        }
        Counter.builder(NAME).description("Reset links the CRM's policy refused (by reason)")
                .tag("reason", verdict.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }
}
