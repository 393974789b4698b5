package com.example.crm.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.crm.application.UserEmails;
import com.example.crm.domain.model.bulk.BulkRun;
import com.example.crm.domain.model.bulk.BulkRunItem;
import com.example.crm.domain.model.reset.ReceivedReport;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.EmailChange;
import com.example.crm.interfaces.web.security.SignedInCaller;
import com.example.crm.interfaces.web.settings.audit.AuditLogBacking;
import com.example.crm.interfaces.web.settings.users.BulkRunBacking;
import com.example.crm.interfaces.web.settings.users.EditEmailBacking;
import com.example.crm.interfaces.web.settings.users.UserListBacking;
import com.example.crm.interfaces.web.settings.users.UserProfileBacking;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything an admin's session holds can be written to Payara's data grid and read back on another instance: the
 * sign-in, the view-scoped pages and the rows they keep (the users a bulk send has selected, for one).
 */
class SessionStateTest {

    @Test
    void theSignInTravelsWholeAndNeverPrintsItsTokens() throws Exception {
        SignedInCaller caller = new SignedInCaller("admin", "Ada Admin", List.of("crm-admin"), "id.token.x", "refresh-y",
                Instant.parse("2026-11-30T12:00:00Z"));

        assertEquals(caller, roundTrip(caller));
        assertEquals(-1, caller.toString().indexOf("refresh-y"));
        assertEquals(-1, caller.toString().indexOf("id.token.x"));
    }

    @ParameterizedTest
    @ValueSource(classes = {CrmUser.class, ResetRequest.class, EmailChange.class, BulkRun.class, BulkRunItem.class,
            ReceivedReport.class, UserListBacking.class, UserProfileBacking.class, AuditLogBacking.class,
            BulkRunBacking.class, EditEmailBacking.class})
    void whatPagesKeepCanBeReplicated(Class<?> type) throws Exception {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);

        assertNotNull(roundTrip(constructor.newInstance()));
    }

    @Test
    void theProfilesAddressCheckCanBeReplicated() throws Exception {
        var comparison = new UserEmails.Comparison(UserEmails.Comparison.Outcome.DIFFERENT, "ada@example.com");

        assertEquals(comparison, roundTrip(comparison));
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
