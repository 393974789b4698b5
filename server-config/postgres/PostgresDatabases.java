import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Creates (if missing) or drops the dev stack's PostgreSQL databases, so that `stack.sh` needs no psql client.
 * Run with the JDBC driver: java -cp postgresql.jar PostgresDatabases.java create|drop SERVER_URL DATABASE...
 * SERVER_URL has no database (jdbc:postgresql://127.0.0.1:5432); the user and password come from
 * STACK_DB_USER and STACK_DB_PASSWORD.
 */
public final class PostgresDatabases {

    public static void main(String[] args) throws SQLException {
        if (args.length < 3 || !List.of("create", "drop").contains(args[0])) {
            System.err.println("usage: PostgresDatabases create|drop SERVER_URL DATABASE...");
            System.exit(2);
        }
        String user = System.getenv().getOrDefault("STACK_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("STACK_DB_PASSWORD", "");
        List<String> databases = Arrays.asList(args).subList(2, args.length);
        for (String name : databases) {
            if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
                System.err.println("not a plain database name (lower-case letters, digits, _): " + name);
                System.exit(2);
            }
        }
        try (Connection server = DriverManager.getConnection(args[1] + "/postgres", user, password)) {
            for (String name : databases) {
                if (args[0].equals("create") && !exists(server, name)) {
                    execute(server, "CREATE DATABASE " + name);
                    System.out.println("created database " + name);
                } else if (args[0].equals("drop")) {
                    execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        } catch (SQLException e) {
            System.err.println("PostgreSQL at " + args[1] + " (user " + user + "): " + e.getMessage());
            System.exit(1);
        }
    }

    private static boolean exists(Connection server, String name) throws SQLException {
        try (PreparedStatement query = server.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection server, String sql) throws SQLException {
        try (Statement statement = server.createStatement()) {
            statement.execute(sql);
        }
    }
}
