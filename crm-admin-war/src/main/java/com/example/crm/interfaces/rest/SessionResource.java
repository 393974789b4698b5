package com.example.crm.interfaces.rest;

import com.example.crm.interfaces.web.security.SignedInCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Whether the browser's CRM session still exists. The pages ask when an ajax click got no answer, to tell
 * "your session timed out" from "the server could not be reached".
 */
@Path("/session")
public class SessionResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String session(@Context HttpServletRequest request) {
        var session = request.getSession(false);
        boolean active = session != null && session.getAttribute(SignedInCaller.SESSION_KEY) != null;
        return "{\"active\":" + active + "}";
    }
}
