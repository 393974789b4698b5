package com.example.crm.keycloak.passwords;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The list of common and breached passwords the product ships (one lower-case password a line, 12 to 128
 * characters: shorter ones fail the length rule anyway). The realm's policy names it by {@link #FILE_NAME}.
 */
public final class CommonPasswordsList {

    public static final String FILE_NAME = "crm-common-passwords.txt";

    private static final String RESOURCE = FILE_NAME;

    private CommonPasswordsList() {
    }

    /**
     * Puts the shipped list into the folder, unless the same list is already there.
     *
     * @return true if the file was written
     */
    public static boolean installInto(Path folder) {
        byte[] shipped = shipped();
        Path target = folder.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), shipped)) {
                return false;
            }
            Files.createDirectories(folder);
            // Written beside the target, then moved: Keycloak never reads a half-written list.
            Path partial = Files.createTempFile(folder, FILE_NAME, ".partial");
            Files.write(partial, shipped);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not put the common passwords list into " + folder, e);
        }
    }

    /** Where Keycloak reads password lists from: the system property, else the SPI option, else its data folder. */
    public static Path folder(String fromSystemProperty, String fromOption, String byDefault) {
        if (fromSystemProperty != null) {
            return Path.of(fromSystemProperty);
        }
        return Path.of(fromOption != null ? fromOption : byDefault);
    }

    /** {@code password-blacklists/} in Keycloak's data folder: the older servers' data dir, else {@code <home>/data}. */
    public static String defaultFolder(String jbossDataDir, String keycloakHome) {
        String data = jbossDataDir != null || keycloakHome == null ? jbossDataDir : Path.of(keycloakHome, "data").toString();
        return data + File.separator + "password-blacklists" + File.separator;
    }

    static byte[] shipped() {
        try (InputStream in = CommonPasswordsList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the extension");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
