package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The CRM as an operator starts it outside the dev stack: with the dev stack's secrets it refuses to run. */
@SystemTest
class ProductionSettingsTest {

    @Test
    void theCrmRefusesToStartWithTheDevStacksSecretsOutsideDevMode(RunningStack stack) throws Exception {
        Path dir = Files.createDirectories(stack.dataDir().resolve("production-settings"));
        Path boot = dir.resolve("post-boot.asadmin");
        Files.writeString(boot, "create-jdbc-connection-pool --datasourceclassname=org.h2.jdbcx.JdbcDataSource"
                + " --restype=javax.sql.DataSource --property url=jdbc\\:h2\\:mem\\:crm crm-pool\n"
                + "create-jdbc-resource --connectionpoolid=crm-pool jdbc/crm\n");
        Path log = dir.resolve("payara.log");
        int port = freePort();
        ProcessBuilder payara = new ProcessBuilder("java", "-Djava.io.tmpdir=" + dir,
                "-jar", stack.root().resolve("server-config/target/dist/payara-micro.jar").toString(),
                "--deploy", stack.root().resolve("crm-admin-war/target/crm.war").toString(), "--contextroot", "crm",
                "--port", String.valueOf(port), "--nocluster", "--rootDir", dir.resolve("root").toString(),
                "--postbootcommandfile", boot.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        payara.environment().put("CRM_KEYCLOAK_CLIENT_SECRET", "dev-only-crm-client-secret");
        payara.environment().put("CRM_KEYCLOAK_REPORT_SECRET", "dev-only-crm-report-secret");
        payara.environment().remove("CRM_DEV_MODE");
        Process process = payara.start();
        try {
            String output = awaitLine(log, "The CRM does not start with these secrets", Duration.ofMinutes(3));
            assertTrue(output.contains("crm.keycloak.client-secret is the dev stack's value"), output);
            assertTrue(output.contains("crm.keycloak.report-secret is the dev stack's value"), output);
            assertNotEquals(200, healthStatus(port), "the CRM does not serve");
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String awaitLine(Path log, String text, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            if (output.contains(text)) {
                return output;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Payara Micro never said \"" + text + "\" within " + limit + "; its log is " + log);
    }

    private static int healthStatus(int port) {
        try {
            return Http.get("http://localhost:" + port + "/crm/api/health").statusCode();
        } catch (IllegalStateException notListening) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
