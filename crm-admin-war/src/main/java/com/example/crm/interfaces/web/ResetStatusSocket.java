package com.example.crm.interfaces.web;

import com.example.crm.infrastructure.keycloak.KeycloakSettings;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;

/**
 * The socket of an open profile page: it hears "changed" when the user's reset status changes ({@link ResetStatusPush}),
 * and the page then asks for its new state. web.xml lets only admins open it, from the CRM's own pages only (checked
 * here). Faces' websocket is not used: its session state cannot move to another instance with a replicated session,
 * while this socket keeps none, so a page reconnects to whichever instance is left.
 */
@ServerEndpoint(value = "/push/reset-status/{crmUserId}", configurator = ResetStatusSocket.Handshake.class)
public class ResetStatusSocket {

    /** Tells the page not to reconnect: there is no such profile. */
    private static final CloseReason NO_SUCH_PROFILE = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no such profile");

    private Long crmUserId;

    @OnOpen
    public void open(Session page, @PathParam("crmUserId") String crmUserId) throws IOException {
        if (!crmUserId.matches("\\d{1,18}")) {
            page.close(NO_SUCH_PROFILE);
            return;
        }
        this.crmUserId = Long.valueOf(crmUserId);
        push().opened(this.crmUserId, page);
    }

    @OnClose
    public void close(Session page) {
        if (crmUserId != null) {
            push().closed(crmUserId, page);
        }
    }

    private static ResetStatusPush push() {
        return CDI.current().select(ResetStatusPush.class).get();
    }

    /** Refuses other sites' pages (a browser sends any site's socket the admin's cookies). */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        @Override
        public boolean checkOrigin(String origin) {
            return origin != null && origin.equalsIgnoreCase(CDI.current().select(KeycloakSettings.class).get().crmOrigin());
        }
    }
}
