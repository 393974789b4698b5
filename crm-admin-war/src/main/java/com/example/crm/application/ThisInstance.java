package com.example.crm.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/** This CRM instance's name among the instances sharing one database: host and process, new at each start. */
@ApplicationScoped
public class ThisInstance {

    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    public String name() {
        return name;
    }
}
