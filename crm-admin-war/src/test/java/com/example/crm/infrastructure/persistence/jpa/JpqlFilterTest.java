package com.example.crm.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JpqlFilterTest {

    @Test
    void noFilterPresentMeansNoWhereClauseAndNoParameters() {
        JpqlFilter filter = new JpqlFilter()
                .contains("u.searchKey", "text", "")
                .and("u.status = :status", "status", null);

        assertEquals("", filter.where());
        assertEquals(Map.of(), bound(filter));
    }

    @Test
    void eachPresentConditionComesWithItsParameter() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        JpqlFilter filter = new JpqlFilter()
                .and("r.status = :outcome", "outcome", "SENT")
                .and("r.requestedAt >= :from", "from", from)
                .and("r.requestedAt < :to", "to", null);

        assertEquals(" WHERE r.status = :outcome AND r.requestedAt >= :from", filter.where());
        assertEquals(Map.of("outcome", "SENT", "from", from), bound(filter));
    }

    @Test
    void containsIgnoresCaseAndReadsWildcardsAsText() {
        JpqlFilter filter = new JpqlFilter()
                .contains("u.searchKey", "user", "Ada_100%")
                .contains("LOWER(r.requestedBy)", "admin", "Back\\Slash");

        assertEquals(" WHERE u.searchKey LIKE :user ESCAPE '\\' AND LOWER(r.requestedBy) LIKE :admin ESCAPE '\\'", filter.where());
        assertEquals(Map.of("user", "%ada\\_100\\%%", "admin", "%back\\\\slash%"), bound(filter));
    }

    @Test
    void bindsTheSameParametersToEveryQueryItIsUsedFor() {
        JpqlFilter filter = new JpqlFilter().contains("u.searchKey", "text", "pat");

        assertEquals(Map.of("text", "%pat%"), bound(filter));
        assertEquals(Map.of("text", "%pat%"), bound(filter), "the count and the page query get the same");
    }

    @Test
    void refusesAConditionThatDoesNotUseItsParameter() {
        assertThrows(IllegalArgumentException.class, () -> new JpqlFilter().and("u.status = :state", "status", "ACTIVE"));
        assertThrows(IllegalArgumentException.class, () -> new JpqlFilter().and("u.status = :statusCode", "status", "ACTIVE"));
    }

    @Test
    void refusesAParameterNameUsedTwice() {
        JpqlFilter filter = new JpqlFilter().and("r.requestedAt >= :at", "at", Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> filter.and("r.expiresAt < :at", "at", Instant.EPOCH));
    }

    /** The parameters {@code filter} binds to a query, in the order it binds them. */
    private static Map<String, Object> bound(JpqlFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<?> query = recording(parameters);
        assertSame(query, filter.bind(query));
        return parameters;
    }

    @SuppressWarnings("unchecked")
    private static TypedQuery<Object> recording(Map<String, Object> parameters) {
        return (TypedQuery<Object>) Proxy.newProxyInstance(JpqlFilterTest.class.getClassLoader(), new Class<?>[] {TypedQuery.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setParameter") && args.length == 2 && args[0] instanceof String name) {
                        parameters.put(name, args[1]);
                        return proxy;
                    }
                    throw new UnsupportedOperationException(method.toString());
                });
    }
}
