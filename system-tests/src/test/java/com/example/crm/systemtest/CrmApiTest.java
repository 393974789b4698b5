package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.systemtest.support.SystemTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/** HTTP-level checks of the running CRM through MicroShed Testing (manual mode, against the stack). */
@SystemTest
@MicroShedTest
public class CrmApiTest {

    @RESTClient
    public static CrmApiClient api;

    @Test
    void healthSaysTheCrmAndItsDatabaseAreUp() {
        assertEquals(Map.of("status", "UP", "database", "UP"), api.health());
    }

    @Test
    void sessionProbeSaysAVisitorWhoNeverSignedInHasNoSession() {
        assertEquals(Map.of("active", false), api.session());
    }
}
