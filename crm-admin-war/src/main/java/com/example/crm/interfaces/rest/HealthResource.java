package com.example.crm.interfaces.rest;

import com.example.crm.interfaces.health.DatabaseCheck;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * 200 when the CRM is deployed and its database answers; 503 otherwise. The same database check as the server's
 * {@code /health/ready}, which also covers Keycloak and the migrations.
 */
@Path("/health")
@RequestScoped
public class HealthResource {

    @Inject
    @Readiness // the check's qualifier, which Payara's /health/ready collects by
    DatabaseCheck database;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean up = database.call().getStatus() == HealthCheckResponse.Status.UP;
        String status = up ? "UP" : "DOWN";
        return Response.status(up ? 200 : 503)
                .entity("{\"status\":\"" + status + "\",\"database\":\"" + status + "\"}")
                .build();
    }
}
