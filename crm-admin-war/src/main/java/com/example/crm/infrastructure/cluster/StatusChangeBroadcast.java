package com.example.crm.infrastructure.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells every CRM instance which user's reset status changed, through a topic of Payara's data grid: a report taken in
 * by one instance updates the profiles open on any instance. A single instance started without the grid
 * ({@code --nocluster}) tells only itself.
 */
@ApplicationScoped
public class StatusChangeBroadcast {

    private static final Logger LOG = Logger.getLogger(StatusChangeBroadcast.class.getName());
    private static final String TOPIC = "crm.reset-status-changed";

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private volatile ITopic<Long> topic;
    private UUID registration;

    /** {@code listener} hears the CRM user id of every change, made here or on another instance. */
    public synchronized void listen(LongConsumer listener) {
        listeners.add(listener);
        if (topic == null) {
            joinGrid();
        }
    }

    public void publish(long crmUserId) {
        ITopic<Long> grid = topic;
        if (grid == null) {
            deliver(crmUserId);
            return;
        }
        try {
            grid.publish(crmUserId);
        } catch (RuntimeException e) { // the grid failing must not cost this instance's pages their update
            LOG.log(Level.WARNING, "The data grid did not take a status change; only this instance's pages hear it", e);
            deliver(crmUserId);
        }
    }

    private void joinGrid() {
        try {
            HazelcastInstance grid = InitialContext.doLookup("payara/Hazelcast");
            if (grid == null || !grid.getLifecycleService().isRunning()) {
                return;
            }
            ITopic<Long> joined = grid.getTopic(TOPIC);
            registration = joined.addMessageListener(message -> deliver(message.getMessageObject()));
            topic = joined;
            LOG.info(() -> "Status changes are shared with the data grid's " + grid.getCluster().getMembers().size()
                    + " member(s)");
        } catch (NamingException | RuntimeException e) {
            LOG.info("No data grid: status changes reach this instance's pages only");
        }
    }

    private void deliver(long crmUserId) {
        for (LongConsumer listener : listeners) {
            listener.accept(crmUserId);
        }
    }

    @PreDestroy
    void leaveGrid() {
        if (topic != null) {
            topic.removeMessageListener(registration);
        }
    }
}
