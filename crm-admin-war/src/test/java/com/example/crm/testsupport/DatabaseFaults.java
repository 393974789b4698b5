package com.example.crm.testsupport;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Makes the CRM's database fail for a while, as a real outage would: a table the CRM needs is gone, then back. */
@ApplicationScoped
public class DatabaseFaults {

    private static final String AWAY = "_away";

    @Resource(lookup = "jdbc/crm")
    DataSource database;

    /** Every statement on {@code table} fails from now on, until {@link #bringBack}. */
    public void takeAway(String table) {
        execute("ALTER TABLE " + table + " RENAME TO " + table + AWAY);
    }

    public void bringBack(String table) {
        execute("ALTER TABLE " + table + AWAY + " RENAME TO " + table);
    }

    private void execute(String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
