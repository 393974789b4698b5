package com.example.crm.systemtest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dev stack's demo users as the CRM's seed has them (its id, name and address), read from the seed itself. */
public final class DemoUsers {

    /** One seed row: {@code (id, keycloak_id, 'username', 'First', 'Last', 'email' ...}. */
    private static final Pattern ROW = Pattern.compile(
            "^\\((\\d+), (?:'[^']*'|NULL), '([^']+)', '([^']*)', '([^']*)', (?:'([^']*)'|NULL)", Pattern.MULTILINE);

    public record DemoUser(long id, String username, String fullName, String email) {
    }

    private DemoUsers() {
    }

    /** Every demo user by username, in the seed's order. */
    public static Map<String, DemoUser> of(RunningStack stack) {
        try {
            String seed = Files.readString(stack.root().resolve(
                    "crm-admin-war/src/main/resources/db/demo/V1_1__demo_users.sql"));
            Map<String, DemoUser> users = new LinkedHashMap<>();
            Matcher row = ROW.matcher(seed);
            while (row.find()) {
                users.put(row.group(2), new DemoUser(Long.parseLong(row.group(1)), row.group(2),
                        row.group(3) + " " + row.group(4), row.group(5)));
            }
            return users;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CRM's demo seed", e);
        }
    }
}
