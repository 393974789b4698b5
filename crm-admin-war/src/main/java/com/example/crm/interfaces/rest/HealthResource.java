package com.example.crm.interfaces.rest;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** 200 when the CRM is deployed and its database answers; 503 otherwise. */
@Path("/health")
@RequestScoped
public class HealthResource {

    @Resource(lookup = "jdbc/crm")
    DataSource dataSource;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return Response.status(valid ? 200 : 503)
                    .entity("{\"status\":\"" + (valid ? "UP" : "DOWN") + "\",\"database\":\"" + (valid ? "UP" : "DOWN") + "\"}")
                    .build();
        } catch (SQLException e) {
            return Response.status(503).entity("{\"status\":\"DOWN\",\"database\":\"DOWN\"}").build();
        }
    }
}
