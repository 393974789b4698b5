package com.example.crm.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The product's stack, started by its own launcher (server-config/stack.sh) on free ports and in its own folder,
 * so that a running dev stack never collides with the tests. Started once per test run; stopped at its end.
 * Its data lives in H2 files, or with the system property {@code stack.db=postgres} in databases of the PostgreSQL
 * server on 127.0.0.1:5432, which the CRM reaches through a proxy that tests can cut.
 * With {@code stack.attached.crm-port} (and the other {@code stack.attached.*} ports) the tests use servers started
 * by someone else instead, such as the product's container images, and neither start nor stop them.
 */
public final class RunningStack implements ExtensionContext.Store.CloseableResource {

    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final int POSTGRES_PORT = 5432;
    private static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:";
    private static final String CRM_DATABASE = "crm_systest";

    public final boolean onPostgres = "postgres".equals(System.getProperty("stack.db", "h2"));

    public final boolean attached = System.getProperty("stack.attached.crm-port") != null;
    /** Two of each behind HAProxy ({@code stack.sh up --cluster}, on PostgreSQL), with {@code stack.cluster=true}. */
    public final boolean cluster = Boolean.getBoolean("stack.cluster");
    public final int crmPort = port("crm-port");
    public final int keycloakPort = port("keycloak-port");
    public final int keycloakManagementPort = port("keycloak-management-port");
    public final int smtpPort = port("smtp-port");
    public final int mailApiPort = port("mail-api-port");
    /** The CRM calls Keycloak's admin API through this proxy, which fault tests make misbehave. */
    public final FaultyProxy keycloakProxy = FaultyProxy.to(keycloakPort);
    /** On PostgreSQL, the CRM reaches its database through this proxy, which fault tests cut. */
    public final FaultyProxy databaseProxy = onPostgres ? FaultyProxy.to(POSTGRES_PORT) : null;
    /** In cluster mode, each node's own ports, in the order stack.sh takes them (node 1, node 2). */
    private final int[] crmNodePorts = {freePort(), freePort()};
    private final int[] keycloakNodePorts = {freePort(), freePort()};
    private final int[] keycloakNodeManagementPorts = {keycloakManagementPort, freePort()};
    private final String crmGridPorts = cluster ? lowPort() + " " + lowPort() : "";
    private final String keycloakClusterPorts = cluster ? lowPort() + " " + lowPort() : "";
    private final int balancerStatsPort = freePort();
    private final Path root = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
    private final Path dir = Path.of(System.getProperty("stack.dir", "target/stack")).toAbsolutePath();

    public String crmUrl() {
        return "http://localhost:" + crmPort + "/crm";
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /** Keycloak's health and metrics (its management interface). */
    public String keycloakManagementUrl() {
        return "http://127.0.0.1:" + keycloakManagementPort;
    }

    public String mailApiUrl() {
        return "http://127.0.0.1:" + mailApiPort;
    }

    /** The repository's root (the stack's launcher and demo data live there). */
    public Path root() {
        return root;
    }

    /** Where the stack keeps its data (the CRM's H2 file is under crm-db/). */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Where the stack's servers write their logs (one file each). */
    public Path logsDir() {
        return dir.resolve("logs");
    }

    /**
     * The stack's log files (every server's, and the load balancer's in cluster mode) that hold the link's key, or any
     * reset link at all (a mail server's log wraps a link's lines, so its key is not found there in one piece).
     */
    public List<Path> logsHoldingAResetLink(String link) {
        String key = link.substring(link.indexOf("key=") + 4);
        try (var files = Files.walk(logsDir())) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    String log = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    return log.contains(key) || log.contains("action-token?key=");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunningStack start() {
        try {
            return startOnce();
        } catch (IllegalStateException firstTry) {
            // A port found free can be taken by another program before the server binds it: once more, on new ports.
            System.err.println("The stack did not start (" + firstTry.getMessage().lines().findFirst().orElse("")
                    + "); trying once more on other ports");
            return startOnce();
        }
    }

    private static RunningStack startOnce() {
        RunningStack stack = new RunningStack();
        if (stack.onPostgres) {
            requirePostgres();
        }
        if (!stack.attached) {
            stack.run("reset"); // fresh realm and CRM data for this run's ports
            try {
                stack.run(stack.cluster ? new String[] {"up", "--cluster"} : new String[] {"up"});
            } catch (IllegalStateException e) {
                stack.close(); // nothing of a half-started stack is left running
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.run("down")));
        }
        // MicroShed Testing's manual mode: talk to this already running application.
        System.setProperty("microshed_manual_env", "true");
        System.setProperty("microshed_hostname", "localhost");
        System.setProperty("microshed_http_port", String.valueOf(stack.crmPort));
        System.setProperty("microshed_app_context_root", "/crm");
        return stack;
    }

    /** Runs `stack.sh <args>` against this stack and fails when it does. */
    public void run(String... args) {
        try {
            Files.createDirectories(dir);
            String[] command = new String[args.length + 1];
            command[0] = root.resolve("server-config/stack.sh").toString();
            System.arraycopy(args, 0, command, 1, args.length);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stack-launcher.log").toFile()));
            if (onPostgres) {
                builder.environment().putAll(Map.of(
                        "STACK_DB", "postgres",
                        "STACK_DB_URL", POSTGRES_SERVER + POSTGRES_PORT,
                        "STACK_CRM_DB", CRM_DATABASE,
                        "STACK_KEYCLOAK_DB", "keycloak_systest",
                        "STACK_CRM_DB_URL", POSTGRES_SERVER + databaseProxy.port() + "/" + CRM_DATABASE));
            }
            if (cluster) {
                builder.environment().putAll(Map.of(
                        "CRM_NODE_PORTS", crmNodePorts[0] + " " + crmNodePorts[1],
                        "CRM_NODE_GRID_PORTS", crmGridPorts,
                        "KC_NODE_PORTS", keycloakNodePorts[0] + " " + keycloakNodePorts[1],
                        "KC_NODE_MANAGEMENT_PORTS", keycloakNodeManagementPorts[0] + " " + keycloakNodeManagementPorts[1],
                        "KC_NODE_CLUSTER_PORTS", keycloakClusterPorts,
                        "LB_STATS_PORT", String.valueOf(balancerStatsPort)));
            }
            builder.environment().putAll(Map.of(
                    "STACK_DIR", dir.toString(),
                    "CRM_HTTP_PORT", String.valueOf(crmPort),
                    "KEYCLOAK_PORT", String.valueOf(keycloakPort),
                    "KEYCLOAK_MANAGEMENT_PORT", String.valueOf(keycloakManagementPort),
                    "SMTP_PORT", String.valueOf(smtpPort),
                    "MAIL_API_PORT", String.valueOf(mailApiPort),
                    "CRM_COMPANY_NAME", "Acme CRM (system test)",
                    // Read by the CRM (stack.sh passes its environment on): its admin calls go through the proxy,
                    // and a held-back answer counts as a timeout after 8 s rather than the production 20 s.
                    "CRM_KEYCLOAK_ADMIN_URL", "http://localhost:" + keycloakProxy.port(),
                    "CRM_KEYCLOAK_READ_TIMEOUT_MS", "8000"));
            Process process = builder.start();
            if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("stack.sh " + String.join(" ", args) + " did not finish in " + START_LIMIT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("stack.sh " + String.join(" ", args) + " failed; see "
                        + dir.resolve("stack-launcher.log") + ":\n" + tail(dir.resolve("stack-launcher.log")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run stack.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running stack.sh", e);
        }
    }

    /** A connection to the CRM's database (H2's AUTO_SERVER mode lets a second process in), not through the proxy. */
    public Connection crmDatabase() throws SQLException {
        if (onPostgres) {
            return DriverManager.getConnection(POSTGRES_SERVER + POSTGRES_PORT + "/" + CRM_DATABASE, "postgres", "");
        }
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir().resolve("crm-db/crm") + ";AUTO_SERVER=TRUE",
                "crm", "crm");
    }

    /** The next value of one of the CRM's sequences, in this database's words. */
    public long nextValue(Connection crmDatabase, String sequence) throws SQLException {
        String sql = onPostgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
        try (var statement = crmDatabase.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** PostgreSQL must answer; a machine without it skips the PostgreSQL run, except on CI. */
    private static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_SERVER + POSTGRES_PORT + "/postgres", "postgres", "")) {
            return;
        } catch (SQLException e) {
            String why = "no PostgreSQL answers at 127.0.0.1:" + POSTGRES_PORT + " (user postgres): " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            throw new TestAbortedException("PostgreSQL system tests skipped: " + why);
        }
    }

    /** In cluster mode: the CRM node's own address (crm-1 or crm-2), not the load balancer's. */
    public String crmNodeUrl(String node) {
        return "http://localhost:" + crmNodePorts[node.endsWith("1") ? 0 : 1] + "/crm";
    }

    /** In cluster mode: the Keycloak node's own address (kc-1 or kc-2). */
    public String keycloakNodeUrl(String node) {
        return "http://localhost:" + keycloakNodePorts[node.endsWith("1") ? 0 : 1];
    }

    /** Kills the CRM's server at once (SIGKILL, as a crash would), without letting it finish anything. */
    public void killCrm() {
        kill("payara");
    }

    /** The process id of one of the stack's servers (by its stack.sh name). */
    public String pidOf(String server) {
        try {
            return Files.readString(dir.resolve("run/" + server + ".pid")).strip();
        } catch (IOException e) {
            throw new IllegalStateException("no pid file for " + server, e);
        }
    }

    /** Kills one of the stack's servers (by its stack.sh name) at once, as a crash would. */
    public void kill(String server) {
        ProcessHandle.of(Long.parseLong(pidOf(server))).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    @Override
    public void close() {
        if (!attached) {
            run(onPostgres ? "reset" : "down"); // leave no databases behind on the shared PostgreSQL server
        }
        keycloakProxy.close();
        if (databaseProxy != null) {
            databaseProxy.close();
        }
    }

    private static String tail(Path file) throws IOException {
        var lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** The attached server's port, or a free one for a stack of this run's own. */
    private static int port(String name) {
        String attachedPort = System.getProperty("stack.attached." + name);
        return attachedPort == null ? freePort() : Integer.parseInt(attachedPort);
    }

    /**
     * A free port below 15536, for the clusters' own connections: JGroups also binds the port plus 50000, which a
     * port the system hands out (32768 and up) would put out of range.
     */
    private static int lowPort() {
        for (int tries = 0; tries < 200; tries++) {
            int port = 7000 + ThreadLocalRandom.current().nextInt(8000);
            try (ServerSocket socket = new ServerSocket(port); ServerSocket plus = new ServerSocket(port + 50000)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port below 15536");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
