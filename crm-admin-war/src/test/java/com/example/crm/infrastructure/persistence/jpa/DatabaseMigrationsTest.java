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
        // CI runs on a machine that has PostgreSQL: there this test must run, not skip.
        boolean required = "true".equals(System.getenv("CI"));
        assumeTrue(required || postgresAnswers(), "no PostgreSQL at " + POSTGRES_URL + "; this test is skipped");
        String schema = "crm_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            try {
                PGSimpleDataSource postgres = new PGSimpleDataSource();
                postgres.setUrl(POSTGRES_URL + "?currentSchema=" + schema);
                postgres.setUser("postgres");
                assertEquals(9, DatabaseMigrations.flyway(postgres, false).migrate().migrationsExecuted);
                assertCounts(postgres, 0, 0);
                assertIndexed(postgres, "received_report", "received_at");
                assertNotIndexed(postgres, "crm_user", "search_key"); // H2's own migration is not run here
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

    private static void assertNotIndexed(DataSource dataSource, String table, String column) throws SQLException {
        if (leadsAnIndex(dataSource, table, column)) {
            throw new AssertionError("an index on " + table + " starts with " + column);
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
