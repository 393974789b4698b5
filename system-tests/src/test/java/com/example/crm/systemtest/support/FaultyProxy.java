package com.example.crm.systemtest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on loopback between the CRM and Keycloak's admin API, which a test can make misbehave: answers held
 * back, connections cut, or a 502 answered in Keycloak's place. It passes everything through unchanged otherwise,
 * and answers 503 while Keycloak is stopped, as a gateway in front of it would.
 */
public final class FaultyProxy implements AutoCloseable {

    private enum Mode { PASS, SLOW_ANSWERS, CUT, BAD_GATEWAY }

    private static final byte[] BAD_GATEWAY = answer("502 Bad Gateway");
    /** What a gateway answers when nothing listens behind it (Keycloak stopped). */
    private static final byte[] UNAVAILABLE = answer("503 Service Unavailable");

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "faulty-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration holdBack = Duration.ZERO;
    private volatile String slowPath = "";

    private FaultyProxy(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        pumps.execute(this::accept);
    }

    /** A proxy on a free loopback port to {@code targetPort} on loopback. */
    public static FaultyProxy to(int targetPort) {
        try {
            return new FaultyProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the proxy", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Requests still reach Keycloak, but the answer to each request whose path contains {@code pathPart} is held
     * back this long (a slow Keycloak); other calls, such as fetching a token, pass as usual.
     */
    public void holdAnswersBack(String pathPart, Duration time) {
        slowPath = pathPart;
        holdBack = time;
        mode = Mode.SLOW_ANSWERS;
    }

    /** Every connection, open or new, is cut at once (Keycloak unreachable). */
    public void cutConnections() {
        mode = Mode.CUT;
        open.forEach(FaultyProxy::closeQuietly);
    }

    /** Every request from now on is answered 502 without reaching Keycloak (a failing gateway in front of it). */
    public void answerBadGateway() {
        mode = Mode.BAD_GATEWAY;
    }

    /** Back to passing everything through. */
    public void behave() {
        mode = Mode.PASS;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pumps.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        open.add(client);
        Mode now = mode;
        try (client) {
            if (now == Mode.CUT) {
                return;
            }
            Socket keycloak;
            try {
                keycloak = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            } catch (IOException keycloakDown) {
                answerAndClose(client, UNAVAILABLE);
                return;
            }
            try (keycloak) {
                open.add(keycloak);
                AtomicBoolean answerDue = new AtomicBoolean(); // a request on the slow path awaits its answer
                try {
                    pumps.execute(() -> pump(client, keycloak, answerDue, false));
                    pump(keycloak, client, answerDue, true);
                } finally {
                    open.remove(keycloak);
                }
            }
        } catch (IOException cut) {
            // the CRM or Keycloak closed its side, or a test cut the connection
        } finally {
            open.remove(client);
        }
    }

    /** Copies one direction; the answer to a request on the slow path waits while the proxy holds answers back. */
    private void pump(Socket from, Socket to, AtomicBoolean answerDue, boolean answers) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (!answers && mode == Mode.BAD_GATEWAY) { // a request arrives: the gateway answers in Keycloak's place
                    answerAndClose(from, BAD_GATEWAY);
                    return;
                }
                if (!answers && mode == Mode.CUT) {
                    return;
                }
                if (!answers && mode == Mode.SLOW_ANSWERS
                        && new String(buffer, 0, read, StandardCharsets.ISO_8859_1).contains(slowPath)) {
                    answerDue.set(true);
                }
                if (answers && mode == Mode.SLOW_ANSWERS && answerDue.getAndSet(false)) {
                    Thread.sleep(holdBack.toMillis());
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException done) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /**
     * Answers in Keycloak's place and closes, reading what is left of the request first: closing with unread input
     * would reset the connection, and the CRM would never read the answer.
     */
    private static void answerAndClose(Socket client, byte[] answer) throws IOException {
        client.getOutputStream().write(answer);
        client.getOutputStream().flush();
        client.shutdownOutput();
        client.setSoTimeout(2000);
        try {
            InputStream rest = client.getInputStream();
            while (rest.read(new byte[8192]) >= 0) {
                // the rest of the request, until the CRM closes its side
            }
        } catch (IOException closedOrQuiet) {
            // the CRM closed, or sent nothing more
        }
    }

    private static byte[] answer(String status) {
        String text = status.substring(4);
        return ("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + text.length()
                + "\r\nConnection: close\r\n\r\n" + text).getBytes(StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.forEach(FaultyProxy::closeQuietly);
        pumps.shutdownNow();
    }
}
