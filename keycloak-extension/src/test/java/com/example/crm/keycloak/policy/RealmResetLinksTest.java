package com.example.crm.keycloak.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

/** A tampered {@code crm-reset-links} attribute is noticed, not repeated into the log, and rewritten within bounds. */
class RealmResetLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String CONTENT = "do-not-log-me";

    @Test
    void aTamperedAttributeIsLoggedOnceWithoutItsContent() {
        User user = new User(Stream.concat(Stream.of(CONTENT, "{\"" + CONTENT + "\":1}", CONTENT + " -1 -1"),
                Stream.of(value("valid", NOW.minusSeconds(60)))).toList());
        List<LogRecord> log = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(RealmResetLinks.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            IssuedLinks issued = RealmResetLinks.issued(user.model(), NOW);
            assertEquals("valid", issued.newest().orElseThrow().id());
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(1, log.size(), log.toString());
        assertEquals(Level.WARNING, log.get(0).getLevel());
        String message = log.get(0).getMessage();
        assertTrue(message.contains("u-1") && message.contains("3 values"), message);
        assertFalse(message.contains(CONTENT), message);
    }

    @Test
    void sendingALinkRewritesATamperedAttributeWithinBounds() {
        List<String> values = new ArrayList<>(List.of("x".repeat(100_000), value("from-the-future", NOW.plus(Duration.ofDays(365)))));
        IntStream.range(0, 5000).forEach(i -> values.add(value("link-" + i, NOW.minusSeconds(5000 - i))));
        User user = new User(values);
        RealmResetLinks.record(user.model(), new IssuedLinks.Link("sent-now", NOW, NOW.plus(Duration.ofHours(1))), NOW);
        assertEquals(IssuedLinks.MAX_KEPT, user.values.size());
        assertEquals(value("sent-now", NOW), user.values.get(user.values.size() - 1));
        assertTrue(user.values.stream().allMatch(value -> value.length() < 100), user.values.toString());
    }

    private static String value(String id, Instant issuedAt) {
        return id + " " + issuedAt.getEpochSecond() + " " + issuedAt.plus(Duration.ofHours(1)).getEpochSecond();
    }

    /** A Keycloak user with id {@code u-1}, holding only the policy's attribute. */
    private static final class User {
        private List<String> values;

        User(List<String> values) {
            this.values = values;
        }

        @SuppressWarnings("unchecked")
        UserModel model() {
            return (UserModel) Proxy.newProxyInstance(UserModel.class.getClassLoader(), new Class<?>[] {UserModel.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getId" -> "u-1";
                        case "getAttributeStream" -> IssuedLinks.ATTRIBUTE.equals(args[0]) ? values.stream() : Stream.empty();
                        case "setAttribute" -> {
                            values = List.copyOf((List<String>) args[1]);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
