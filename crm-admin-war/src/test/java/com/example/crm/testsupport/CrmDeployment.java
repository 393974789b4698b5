package com.example.crm.testsupport;

import com.example.crm.infrastructure.keycloak.KeycloakReachability;
import com.example.crm.infrastructure.keycloak.KeycloakSettings;
import com.example.crm.interfaces.rest.KeycloakReportsResource;
import com.example.crm.interfaces.rest.RejectedReportsLog;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The CRM without its web tier, for Arquillian: domain, application, persistence and the real migrations,
 * taken from the packaged WAR so that the tests run what ships. Every Arquillian test class deploys exactly this:
 * they all run in one Payara Micro with one deployment ({@link com.example.crm.testsupport.payara.SharedPayaraMicro}),
 * so each test sets up its own data and asserts only on that.
 */
public final class CrmDeployment {

    private CrmDeployment() {
    }

    public static WebArchive applicationAndPersistence() {
        Path war = Path.of(System.getProperty("crm.war.dir", "target/crm"));
        WebArchive archive = ShrinkWrap.create(WebArchive.class, "crm-it.war")
                .addPackages(true, "com.example.crm.domain")
                .addPackage("com.example.crm.application")
                .addPackage("com.example.crm.infrastructure.persistence.jpa")
                .addPackage("com.example.crm.infrastructure.config")
                .addPackage(CrmDeployment.class.getPackage())
                // The callback resource with its body cap and its log of refusals, and its test: every Arquillian
                // class runs in this one deployment.
                .addClasses(KeycloakReportsResource.class, RejectedReportsLog.class)
                .addClass("com.example.crm.interfaces.rest.ReportBody")
                .addClass("com.example.crm.interfaces.rest.KeycloakReportsResourceIT")
                // Health checks and metrics, with the Keycloak probe (the ITs' Keycloak address answers nothing).
                .addPackage("com.example.crm.interfaces.health")
                .addPackage("com.example.crm.infrastructure.metrics")
                .addClasses(KeycloakReachability.class, KeycloakSettings.class)
                .addClass("com.example.crm.interfaces.health.HealthAndMetricsIT")
                .addAsResource(war.resolve("WEB-INF/classes/META-INF/persistence.xml").toFile(), "META-INF/persistence.xml")
                .addAsResource(war.resolve("WEB-INF/classes/META-INF/microprofile-config.properties").toFile(),
                        "META-INF/microprofile-config.properties")
                .addAsResource(war.resolve("WEB-INF/classes/db/migration").toFile(), "db/migration")
                .addAsResource(war.resolve("WEB-INF/classes/db/migration-h2").toFile(), "db/migration-h2")
                .addAsResource(war.resolve("WEB-INF/classes/db/migration-postgresql").toFile(), "db/migration-postgresql")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        for (File lib : Objects.requireNonNull(war.resolve("WEB-INF/lib").toFile().listFiles())) {
            String name = lib.getName();
            if (name.startsWith("flyway-") || name.startsWith("gson-") || name.startsWith("jackson-dataformat-toml")
                    || name.startsWith("report-contract-")) {
                archive.addAsLibrary(lib);
            }
        }
        return archive;
    }
}
