package com.example.crm.systemtest;

import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** The CRM's public HTTP API as MicroShed's REST client sees it (MicroShed is javax-based). */
@Path("/api")
public interface CrmApiClient {

    @GET
    @Path("/health")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, String> health();

    @GET
    @Path("/session")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Boolean> session();
}
