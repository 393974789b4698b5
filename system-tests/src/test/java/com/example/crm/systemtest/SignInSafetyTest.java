package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Keycloak's side of signing in to the CRM, as the realm ships it, and where the dev stack can be reached. */
@SystemTest
class SignInSafetyTest {

    @Test
    void keycloakSendsSignInsBackToTheCrmsOwnPagesOnly(RunningStack stack) {
        assertEquals(200, authorize(stack, stack.crmUrl() + "/Callback").statusCode());

        for (String elsewhere : List.of(stack.crmUrl() + "/anything", stack.crmUrl() + "/Callback/../other",
                "http://localhost:" + stack.crmPort + "/elsewhere")) {
            HttpResponse<String> refused = authorize(stack, elsewhere);
            assertEquals(400, refused.statusCode(), elsewhere);
            assertTrue(refused.body().contains("Invalid parameter: redirect_uri"), elsewhere);
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile(RunningStack stack) {
        new KeycloakAdminApi(stack).partialImport("""
                {"ifResourceExists": "SKIP", "users": [{"username": "guessed.at", "enabled": true,
                  "email": "guessed.at@example.com", "emailVerified": true, "firstName": "Guessed", "lastName": "At",
                  "credentials": [{"type": "password", "value": "the-right-password-42", "temporary": false}]}]}""");

        for (int attempt = 1; attempt <= 10; attempt++) {
            assertFalse(reachedTheCrm(SignedInSession.trySignIn(stack, "guessed.at", "wrong-guess-" + attempt)));
        }

        assertFalse(reachedTheCrm(SignedInSession.trySignIn(stack, "guessed.at", "the-right-password-42")),
                "after 10 wrong passwords even the right one waits");
    }

    @Test
    void theDevStacksServersListenOnThisMachineOnly(RunningStack stack) throws IOException {
        for (int port : new int[] {stack.crmPort, stack.keycloakPort, stack.smtpPort, stack.mailApiPort}) {
            List<String> addresses = listeningAddresses(port);
            assertFalse(addresses.isEmpty(), "something listens on " + port);
            for (String address : addresses) {
                assertTrue(isLoopback(address), "port " + port + " listens on " + address);
            }
        }
    }

    private static HttpResponse<String> authorize(RunningStack stack, String redirectUri) {
        return Http.get(stack.keycloakUrl() + "/realms/crm/protocol/openid-connect/auth?client_id=crm&response_type=code"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8));
    }

    private static boolean reachedTheCrm(HttpResponse<String> page) {
        return page.body().contains("id=\"signed-in-as\"");
    }

    /** Local addresses (hex, as the kernel lists them) of the sockets listening on this port. */
    private static List<String> listeningAddresses(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[3].equals("0A") && fields[1].endsWith(":" + hexPort)) { // 0A: LISTEN
                    addresses.add(fields[1].substring(0, fields[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }

    /** 127.0.0.1 as IPv4, ::1, or 127.0.0.1 mapped into IPv6 (the kernel writes each 32-bit word little-endian). */
    private static boolean isLoopback(String hexAddress) {
        return hexAddress.equals("0100007F") || hexAddress.equals("00000000000000000000000001000000")
                || hexAddress.equals("0000000000000000FFFF00000100007F");
    }
}
