package com.example.crm.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The same migrations build the schema on H2 (dev stack) and PostgreSQL (production). */
class DatabaseMigrationsTest {

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void migratesH2WithDemoData() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertEquals(11, DatabaseMigrations.flyway(h2, true).migrate().migrationsExecuted);
        assertCounts(h2, 116, 7);
        assertIndexed(h2, "received_report", "received_at");
        assertIndexed(h2, "crm_user", "search_key"); // H2's own migration

        assertEquals(0, DatabaseMigrations.flyway(h2, true).migrate().migrationsExecuted, "a second run changes nothing");
    }

    @Test
    void migratesPostgresWithoutDemoData() throws SQLException {
        assumePostgres();
        String schema = "crm_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            try {
                DataSource postgres = postgres(schema, "postgres");
                assertEquals(10, DatabaseMigrations.flyway(postgres, false).migrate().migrationsExecuted);
                assertCounts(postgres, 0, 0);
                assertIndexed(postgres, "received_report", "received_at");
                assertEquals("crm_user_search_trgm", searchIndexOf(postgres, "WHERE search_key LIKE '%ann%' ESCAPE '\\'"));
                try (Connection c = postgres.getConnection(); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO crm_user (id, username, first_name, last_name, status, role, search_key)"
                            + " VALUES (nextval('crm_user_seq'), 'ann', 'Ann', 'Example', 'ACTIVE', 'Support agent', 'ann example')");
                    s.execute("INSERT INTO reset_request (id, crm_user_id, requested_by, requested_at, lifespan_seconds, status,"
                            + " status_changed_at) SELECT nextval('reset_request_seq'), id, 'admin', now(), 43200, 'REQUESTED', now()"
                            + " FROM crm_user");
                }
                assertCounts(postgres, 1, 0);
            } finally {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void migratesPostgresWhereTheUserMayNotCreateTheTrigramExtension() throws SQLException {
        assumePostgres();
        String role = "crm_limited_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             Statement statement = admin.createStatement()) {
            assumeTrue(!extensionExists(statement), "pg_trgm exists in this database already; the fallback cannot be seen");
            statement.execute("CREATE ROLE " + role + " LOGIN");
            statement.execute("CREATE SCHEMA " + role + " AUTHORIZATION " + role); // the role owns its schema, not the database
            try {
                DataSource limited = postgres(role, role);
                assertEquals(10, DatabaseMigrations.flyway(limited, false).migrate().migrationsExecuted, "the CRM still starts");
                assertEquals("", searchIndexOf(limited, "WHERE search_key LIKE '%ann%' ESCAPE '\\'"), "it searches without the index");
                assertEquals(0, DatabaseMigrations.flyway(limited, false).migrate().migrationsExecuted);
            } finally {
                statement.execute("DROP SCHEMA " + role + " CASCADE");
                statement.execute("DROP ROLE " + role);
            }
        }
    }

    /** The test database as {@code user}, working in {@code schema}. */
    private static DataSource postgres(String schema, String user) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(POSTGRES_URL + "?currentSchema=" + schema);
        postgres.setUser(user);
        return postgres;
    }

    private static void assumePostgres() {
        // CI runs on a machine that has PostgreSQL: there these tests must run, not skip.
        boolean required = "true".equals(System.getenv("CI"));
        assumeTrue(required || postgresAnswers(), "no PostgreSQL at " + POSTGRES_URL + "; this test is skipped");
    }

    private static boolean extensionExists(Statement statement) throws SQLException {
        try (ResultSet found = statement.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")) {
            return found.next();
        }
    }

    /** The index PostgreSQL looks matching users up in (a bitmap index scan) when it may not read the whole table; "" if none. */
    private static String searchIndexOf(DataSource dataSource, String where) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = s.executeQuery("EXPLAIN SELECT COUNT(*) FROM crm_user " + where)) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            Matcher index = Pattern.compile("Index Scan on (\\w+)").matcher(plan);
            return index.find() ? index.group(1) : "";
        }
    }

    private static void assertCounts(DataSource dataSource, int users, int inactive) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet all = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN status = 'INACTIVE' THEN 1 ELSE 0 END) FROM crm_user")) {
            all.next();
            assertEquals(users, all.getInt(1));
            assertEquals(inactive, all.getInt(2));
        }
    }

    /** The column leads an index of the table (received reports are pruned by age). */
    private static void assertIndexed(DataSource dataSource, String table, String column) throws SQLException {
        if (!leadsAnIndex(dataSource, table, column)) {
            throw new AssertionError("no index on " + table + " starts with " + column);
        }
    }

    private static boolean leadsAnIndex(DataSource dataSource, String table, String column) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            boolean upper = meta.storesUpperCaseIdentifiers();
            try (ResultSet indexes = meta.getIndexInfo(null, c.getSchema(), upper ? table.toUpperCase() : table, false, false)) {
                while (indexes.next()) {
                    if (indexes.getShort("ORDINAL_POSITION") == 1 && column.equalsIgnoreCase(indexes.getString("COLUMN_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean postgresAnswers() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
