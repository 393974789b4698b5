package com.example.crm.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** JAX-RS under /api. Resources are listed so Jersey never scans the admin client's RESTEasy providers. */
@ApplicationPath("/api")
public class CrmApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(HealthResource.class, SessionResource.class, KeycloakReportsResource.class);
    }
}
