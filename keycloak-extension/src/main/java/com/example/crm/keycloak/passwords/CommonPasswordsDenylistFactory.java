package com.example.crm.keycloak.passwords;

import java.nio.file.Path;
import java.util.logging.Logger;

import org.keycloak.Config;
import org.keycloak.policy.DenylistPasswordPolicyProviderFactory;

/**
 * Keycloak's own {@code passwordBlacklist} policy (same id, higher order, unchanged behaviour) that also
 * puts the shipped {@link CommonPasswordsList} into the folder Keycloak reads lists from, at start-up and
 * before any realm is imported: the realm's policy can name it without anyone copying files by hand.
 * Keycloak reads the folder from, in this order: the system property {@code keycloak.password.blacklists.path},
 * the option {@code --spi-password-policy-password-blacklist-blacklists-path}, then {@code data/password-blacklists/}
 * (which Keycloak 26's own default misses: it asks a system property the Quarkus server never sets).
 */
public class CommonPasswordsDenylistFactory extends DenylistPasswordPolicyProviderFactory {

    private static final Logger LOG = Logger.getLogger(CommonPasswordsDenylistFactory.class.getName());

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void init(Config.Scope config) {
        super.init(config);
        Path folder = CommonPasswordsList.folder(System.getProperty(SYSTEM_PROPERTY), config.get(BLACKLISTS_PATH_PROPERTY),
                getDefaultDenylistsBasePath());
        if (CommonPasswordsList.installInto(folder)) {
            LOG.info(() -> "Installed the common passwords list " + CommonPasswordsList.FILE_NAME + " in " + folder);
        }
    }

    @Override
    public String getDefaultDenylistsBasePath() {
        return CommonPasswordsList.defaultFolder(System.getProperty(JBOSS_SERVER_DATA_DIR), System.getProperty("kc.home.dir"));
    }
}
