package com.example.crm.testsupport.payara;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;

/**
 * The Payara Micro adapter, but one Payara Micro for the whole test run. The adapter starts a Payara Micro with the
 * archive on each deploy and stops it on undeploy, so Arquillian (which deploys per test class) boots one per class.
 * Here the first class's deployment starts it and every later class runs its tests in that same deployment; it
 * stops when the run ends. That works because every class deploys the same archive
 * ({@link com.example.crm.testsupport.CrmDeployment}); a class whose archive holds anything the running one lacks
 * is refused, rather than tested against the wrong deployment.
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {

    private static final Logger LOG = Logger.getLogger(SharedPayaraMicro.class.getName());

    private Archive<?> deployed;
    private ProtocolMetaData running;

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running == null) {
            ProtocolMetaData started = null;
            try {
                started = super.deploy(archive);
            } finally {
                if (started == null) {
                    super.undeploy(archive); // stops a Payara Micro that failed to start, as the adapter's undeploy would
                }
            }
            if (started == null) {
                throw new DeploymentException("Payara Micro did not start; its output is in the log above");
            }
            deployed = archive;
            running = started;
            LOG.info(() -> "Payara Micro started with " + archive.getName() + "; the following test classes run in it too");
            return running;
        }
        Set<ArchivePath> present = deployed.getContent().keySet();
        List<String> missing = archive.getContent().entrySet().stream()
                .filter(entry -> entry.getValue().getAsset() != null && !present.contains(entry.getKey()))
                .map(entry -> entry.getKey().get()).sorted().toList();
        if (!missing.isEmpty()) {
            throw new DeploymentException("This test class deploys something the shared deployment lacks " + missing
                    + "; every Arquillian test uses CrmDeployment as it is (add what it needs there)");
        }
        return running;
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // The next test class runs in the same deployment; stop() ends it.
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        if (running != null) {
            try {
                super.undeploy(deployed);
            } catch (DeploymentException e) {
                throw new LifecycleException("Could not stop Payara Micro", e);
            }
            running = null;
            deployed = null;
        }
    }

    /** Puts {@link SharedPayaraMicro} in the adapter's place. */
    public static class Extension implements LoadableExtension {

        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(org.jboss.arquillian.container.spi.client.container.DeployableContainer.class,
                    PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
        }
    }
}
