package com.example.crm.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the CRM's database answers. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/crm")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        String problem;
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(TIMEOUT_SECONDS)) {
                return HealthCheckResponse.up("database");
            }
            problem = "the CRM's database (data source jdbc/crm) did not answer within " + TIMEOUT_SECONDS + " s";
        } catch (SQLException e) {
            problem = "the CRM's database (data source jdbc/crm) cannot be reached (" + e.getClass().getSimpleName()
                    + (e.getSQLState() == null ? "" : ", SQL state " + e.getSQLState()) + "): check the database server and the data source";
        }
        return HealthCheckResponse.named("database").down().withData("problem", problem).build();
    }
}
