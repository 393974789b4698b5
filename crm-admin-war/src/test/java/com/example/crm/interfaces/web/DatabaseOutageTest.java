package com.example.crm.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostConnectionDeepInsideAPersistenceFailureIsAnOutage() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new SocketException("Broken pipe"));
        assertTrue(DatabaseOutage.caused(new PersistenceException("lock failed", new RuntimeException(io))));
    }

    @Test
    void aPoolThatCannotOpenAConnectionIsAnOutage() {
        assertTrue(DatabaseOutage.caused(new IllegalStateException(
                new SQLException("Error in allocating a connection. Cause: Connection refused"))));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseOutage.caused(new PersistenceException(
                new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.caused(new IllegalStateException("no database involved")));
    }
}
