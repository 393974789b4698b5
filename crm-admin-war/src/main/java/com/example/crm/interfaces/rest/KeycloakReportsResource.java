package com.example.crm.interfaces.rest;

import com.example.crm.application.KeycloakReports;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Keycloak's crm-reset-reporter posts here. Signed, not signed in: the signature is the authentication. */
@Path("/keycloak-events")
@RequestScoped
public class KeycloakReportsResource {

    @Inject
    KeycloakReports reports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("X-Crm-Timestamp") String timestamp,
                            @HeaderParam("X-Crm-Signature") String signature, String body) {
        return switch (reports.receive(timestamp, signature, body)) {
            case APPLIED, ALREADY_RECEIVED, NOTHING_TO_APPLY -> Response.noContent().build();
            case BAD_SIGNATURE -> Response.status(401).entity("missing or wrong signature").build();
            case OUTSIDE_TIME_WINDOW -> Response.status(401).entity("timestamp outside the allowed window").build();
            case UNREADABLE -> Response.status(400).entity("not a report").build();
        };
    }
}
