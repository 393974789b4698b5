package com.example.crm.loadtest.journey;

import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.regex.Pattern;

/**
 * What a browser reads from the CRM's Faces pages and sends back: the view state, a form's address, and PrimeFaces'
 * ajax requests (a keyup, a menu item, a remote command) with the partial response they get.
 */
final class FacesPages {

    /** The page's view state (server-side state: an id). */
    static final String VIEW_STATE = "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"";
    /** Profile links in the users list and in a search's answer. */
    static final String PROFILE_LINK = "profile\\.xhtml\\?id=(\\d+)";
    /** A lazy table's "1–20 of 112": the total. */
    static final String TABLE_TOTAL = "ui-paginator-current\">\\d+\u2013\\d+ of (\\d+)<";

    private FacesPages() {
    }

    /** Where the form {@code formId} posts to (an absolute path on the CRM's origin). */
    static String formAction(String formId) {
        return "<form id=\"" + Pattern.quote(formId) + "\"[^>]*\\baction=\"([^\"]+)\"";
    }

    /**
     * An ajax request as PrimeFaces sends it from a page loaded before: the form's own field, the view state, and which
     * component fired ({@code source}) and what to render. The caller adds the component's own parameters.
     */
    static HttpRequestActionBuilder ajax(String name, String url, String formId, String source, String render) {
        return http(name).post(url)
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .formParam("jakarta.faces.partial.ajax", "true")
                .formParam("jakarta.faces.source", source)
                .formParam("jakarta.faces.partial.execute", source)
                .formParam("jakarta.faces.partial.render", render)
                .formParam(formId, formId)
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                // A partial response, and neither an error nor a redirect (expired view or session, error page).
                .check(substring("<partial-response").exists())
                .check(substring("<error>").notExists())
                .check(substring("<redirect").notExists());
    }

    static String unescapeHtml(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#58;", ":").replace("&amp;", "&");
    }
}
