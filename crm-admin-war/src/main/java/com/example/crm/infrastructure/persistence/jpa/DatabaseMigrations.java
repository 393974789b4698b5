package com.example.crm.infrastructure.persistence.jpa;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/** Brings the CRM's schema up to date before the application serves a request; a failure stops the deployment. */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own work
public class DatabaseMigrations {

    public static final String SCHEMA_LOCATION = "classpath:db/migration";
    public static final String DEMO_LOCATION = "classpath:db/demo";
    /** Indexes only H2 gets (see the script there). */
    public static final String H2_LOCATION = "classpath:db/migration-h2";
    /** What only PostgreSQL gets: the search's trigram index (see the script there). */
    public static final String POSTGRESQL_LOCATION = "classpath:db/migration-postgresql";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "jdbc/crm")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "crm.demo-data.enabled", defaultValue = "false")
    boolean demoData;

    @PostConstruct
    void migrate() {
        int applied = flyway(dataSource, demoData).migrate().migrationsExecuted;
        LOG.info(() -> "Database schema is up to date (" + applied + " migrations applied now"
                + (demoData ? ", demo data enabled" : "") + ")");
    }

    /** Empty when every migration of this CRM is applied and none failed; otherwise what is wrong, for the operator. */
    public Optional<String> problem() {
        MigrationInfoService info;
        try {
            info = flyway(dataSource, demoData).info();
        } catch (FlywayException e) {
            return Optional.of("the state of the database's migrations cannot be read (" + e.getClass().getSimpleName()
                    + "): is the database up?");
        }
        Optional<MigrationInfo> failed = Arrays.stream(info.applied()).filter(m -> m.getState().isFailed()).findFirst();
        if (failed.isPresent()) {
            return Optional.of("migration " + failed.get().getVersion() + " (" + failed.get().getDescription()
                    + ") failed: repair the schema (Flyway repair) and restart the CRM");
        }
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0) {
            return Optional.of(pending.length + " migrations are not applied, from " + pending[0].getVersion()
                    + ": restart the CRM to apply them");
        }
        return Optional.empty();
    }

    /** The one Flyway set-up, used by the server and by the migration tests. */
    public static Flyway flyway(DataSource dataSource, boolean withDemoData) {
        List<String> locations = new ArrayList<>(List.of(SCHEMA_LOCATION));
        switch (databaseProduct(dataSource)) {
            case "H2" -> locations.add(H2_LOCATION);
            case "PostgreSQL" -> locations.add(POSTGRESQL_LOCATION);
            default -> { } // the shared migrations only
        }
        if (withDemoData) {
            locations.add(DEMO_LOCATION);
        }
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .load();
    }

    /** The database's product name as its driver gives it: "H2", "PostgreSQL". */
    static String databaseProduct(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new FlywayException("the database's type cannot be read: " + e.getMessage(), e);
        }
    }
}
