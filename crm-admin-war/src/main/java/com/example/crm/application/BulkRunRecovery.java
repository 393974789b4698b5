package com.example.crm.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** At start-up, bulk runs that a stop cut short carry on (after the database is migrated). */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class BulkRunRecovery {

    @Inject
    BulkResets bulkResets;

    @PostConstruct
    void resume() {
        bulkResets.resumeUnfinished();
    }
}
