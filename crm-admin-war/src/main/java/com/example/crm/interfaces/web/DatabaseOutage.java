package com.example.crm.interfaces.web;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells a failure because the CRM's database cannot be reached from any other failure, by its causes. */
public final class DatabaseOutage {

    /** SQL states of class 08 are connection exceptions in the SQL standard (PostgreSQL's driver and H2 use them). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** What the application server's connection pool says when it cannot open a connection. */
    private static final String POOL_CANNOT_CONNECT = "Error in allocating a connection";

    private DatabaseOutage() {
    }

    public static boolean caused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof SQLException sql && (startsWith(sql.getSQLState(), CONNECTION_EXCEPTION_CLASS)
                    || startsWith(sql.getMessage(), POOL_CANNOT_CONNECT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(String text, String prefix) {
        return text != null && text.startsWith(prefix);
    }
}
