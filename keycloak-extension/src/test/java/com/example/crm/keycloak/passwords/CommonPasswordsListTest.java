package com.example.crm.keycloak.passwords;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommonPasswordsListTest {

    @TempDir
    Path dataDir;

    @Test
    void putsTheListIntoAFolderThatDoesNotExistYet() throws IOException {
        Path folder = dataDir.resolve("password-blacklists");
        assertTrue(CommonPasswordsList.installInto(folder));
        assertArrayEquals(CommonPasswordsList.shipped(), Files.readAllBytes(folder.resolve("crm-common-passwords.txt")));
        try (var left = Files.list(folder)) {
            assertEquals(1, left.count(), "no partial file stays behind");
        }
    }

    @Test
    void leavesTheSameListAlone() throws IOException {
        CommonPasswordsList.installInto(dataDir);
        assertFalse(CommonPasswordsList.installInto(dataDir));
    }

    @Test
    void replacesAnOlderList() throws IOException {
        Files.writeString(dataDir.resolve("crm-common-passwords.txt"), "only-one-old-password\n");
        assertTrue(CommonPasswordsList.installInto(dataDir));
        assertArrayEquals(CommonPasswordsList.shipped(), Files.readAllBytes(dataDir.resolve("crm-common-passwords.txt")));
    }

    @Test
    void listsOnlyLowerCasePasswordsTheLengthRuleLetsThrough() {
        List<String> passwords = new String(CommonPasswordsList.shipped(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(passwords.size() > 3000, "a list worth the name: " + passwords.size());
        for (String password : passwords) {
            assertTrue(password.length() >= 12 && password.length() <= 128, password);
            assertEquals(password.toLowerCase(), password, "Keycloak compares in lower case");
        }
        assertTrue(passwords.containsAll(List.of("password1234", "qwertyuiop123", "1qaz2wsx3edc", "acmecrm2026!")));
    }

    @Test
    void findsTheFolderWhereKeycloakLooks() {
        assertEquals(Path.of("/sys"), CommonPasswordsList.folder("/sys", "/opt", "/data"));
        assertEquals(Path.of("/opt"), CommonPasswordsList.folder(null, "/opt", "/data"));
        assertEquals(Path.of("/data"), CommonPasswordsList.folder(null, null, "/data"));
    }

    @Test
    void defaultsToTheDataFolderOfKeycloaksHome() {
        assertEquals(Path.of("/opt/keycloak/data/password-blacklists"), Path.of(CommonPasswordsList.defaultFolder(null, "/opt/keycloak")));
        assertEquals(Path.of("/srv/data/password-blacklists"), Path.of(CommonPasswordsList.defaultFolder("/srv/data", "/opt/keycloak")));
    }
}
