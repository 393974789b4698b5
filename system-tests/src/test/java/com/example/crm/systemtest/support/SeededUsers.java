package com.example.crm.systemtest.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Users added to a running stack for one test: Keycloak accounts (one partial import) and their CRM rows, linked by
 * Keycloak id, each with an address of their own (prefix001@domain ...) so that the test can count their mail.
 */
public final class SeededUsers {

    private SeededUsers() {
    }

    /** Adds {@code count} active users; CRM ids start at {@code firstCrmId}. Returns their addresses. */
    public static List<String> seed(RunningStack stack, String prefix, String domain, int count, long firstCrmId) {
        ObjectNode partial = Http.JSON.createObjectNode().put("ifResourceExists", "SKIP");
        ArrayNode accounts = partial.putArray("users");
        List<String> addresses = new ArrayList<>();
        try (Connection c = stack.crmDatabase();
             PreparedStatement insert = c.prepareStatement("INSERT INTO crm_user (id, keycloak_id, username, first_name,"
                     + " last_name, email, status, role, search_key) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', 'Sales agent', ?)")) {
            for (int i = 1; i <= count; i++) {
                String id = UUID.randomUUID().toString();
                String username = String.format(Locale.ROOT, "%s%03d", prefix, i);
                String first = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1);
                String last = String.format(Locale.ROOT, "Tester%03d", i);
                String address = username + "@" + domain;
                accounts.addObject().put("id", id).put("username", username).put("enabled", true).put("firstName", first)
                        .put("lastName", last).put("email", address).put("emailVerified", true);
                insert.setLong(1, firstCrmId + i);
                insert.setString(2, id);
                insert.setString(3, username);
                insert.setString(4, first);
                insert.setString(5, last);
                insert.setString(6, address);
                insert.setString(7, (first + " " + last + " " + address).toLowerCase(Locale.ROOT));
                insert.addBatch();
                addresses.add(address);
            }
            new KeycloakAdminApi(stack).partialImport(partial.toString());
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add users to the CRM's database", e);
        }
        return addresses;
    }
}
