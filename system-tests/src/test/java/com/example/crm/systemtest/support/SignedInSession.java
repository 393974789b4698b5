package com.example.crm.systemtest.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One admin's signed-in CRM session without a browser, for many sessions at once: it signs in the way a browser
 * does (the CRM sends it to Keycloak's sign-in page, it posts the form there, Keycloak sends it back with a code),
 * then loads pages and clicks through Faces' ajax requests with the session's cookies.
 */
public final class SignedInSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"");
    private static final Pattern FORM_TAG = Pattern.compile("<form\\b[^>]*>");
    private static final Pattern BULK_RUN = Pattern.compile("bulk\\.xhtml\\?run=(\\d+)");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final RunningStack stack;
    private final CookieJar cookies = new CookieJar();
    private final HttpClient client;
    private String sessionIdBeforeSignIn;

    private SignedInSession(RunningStack stack) {
        this.stack = stack;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // as browsers speak to a plain-http server (no h2c upgrade)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Opens the CRM, is sent to Keycloak's sign-in, signs in there and follows the redirects back into the CRM. */
    public static SignedInSession signIn(RunningStack stack, String username, String password) {
        SignedInSession session = new SignedInSession(stack);
        HttpResponse<String> response = session.signInOnKeycloak(username, password);
        if (response.statusCode() != 200 || !response.body().contains("id=\"signed-in-as\"")) {
            throw new AssertionError("sign-in as " + username + " did not reach the CRM: " + response.statusCode()
                    + " at " + response.uri());
        }
        return session;
    }

    /** Tries to sign in as a person would, and gives the page it ends on (the CRM's, or Keycloak's when refused). */
    public static HttpResponse<String> trySignIn(RunningStack stack, String username, String password) {
        return new SignedInSession(stack).signInOnKeycloak(username, password);
    }

    private HttpResponse<String> signInOnKeycloak(String username, String password) {
        HttpResponse<String> toKeycloak = get("/settings/users/");
        sessionIdBeforeSignIn = sessionId();
        HttpResponse<String> signInPage = send(HttpRequest.newBuilder(URI.create(location(toKeycloak))).GET());
        Matcher form = FORM_ACTION.matcher(signInPage.body());
        if (!form.find()) {
            throw new AssertionError("no Keycloak sign-in form: " + signInPage.statusCode() + " " + signInPage.body());
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(unescape(form.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=")));
        for (int hops = 0; response.statusCode() == 302 && hops < 5; hops++) {
            response = send(HttpRequest.newBuilder(URI.create(location(response))).GET());
        }
        return response;
    }

    /** A GET of a CRM page; {@code path} is below the CRM's context root, e.g. {@code /settings/users/}. */
    /** Users → search → Select all matching users → Send Reset Link, as an admin starts a bulk run; its id. */
    public String startBulkRun(String search) {
        HttpResponse<String> users = get("/settings/users/");
        type(users, "users-form", "users-form:search", "users-form:users users-form:bulk-bar", search);
        click(users, "users-form", "users-form:select-all-matching", "users-form:bulk-bar users-form:users");
        HttpResponse<String> started = click(users, "users-form", "users-form:bulk-send", "users-form:bulk-bar");
        Matcher run = BULK_RUN.matcher(started.body());
        if (!run.find()) {
            throw new AssertionError("the bulk run did not start: " + PageText.notifications(started.body()));
        }
        return run.group(1);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.crmUrl() + path)).GET());
    }

    /** The CRM's session id now (its JSESSIONID cookie), or null. */
    public String sessionId() {
        return cookies.cookies.get("JSESSIONID");
    }

    /** The CRM's session id when the CRM sent this session to Keycloak's sign-in. */
    public String sessionIdBeforeSignIn() {
        return sessionIdBeforeSignIn;
    }

    /** A POST without a body to a CRM URL, as a page of {@code origin} would send it (its Origin header). */
    public HttpResponse<String> postFrom(String origin, String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.crmUrl() + path)).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * Clicks an ajax command (a menu item or button) of a page loaded before, as PrimeFaces does: it posts the
     * form's view state to the form's action, and the answer is Faces' partial response.
     */
    public HttpResponse<String> click(HttpResponse<String> page, String formId, String commandId, String render) {
        return click(page, formId, commandId, render, Map.of());
    }

    /** As {@link #click}, with the values of the form's fields that the command processes (field id to value). */
    public HttpResponse<String> click(HttpResponse<String> page, String formId, String commandId, String render,
            Map<String, String> fields) {
        Map<String, String> params = new LinkedHashMap<>(fields);
        params.put(commandId, commandId);
        String execute = String.join(" ", commandId, String.join(" ", fields.keySet())).strip();
        return ajax(page, formId, commandId, execute, render, params);
    }

    /** Asks a paged table for the rows from {@code first}, {@code rows} at a time, as its paginator does. */
    public HttpResponse<String> paginate(HttpResponse<String> page, String formId, String tableId, String first, String rows) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(tableId + "_pagination", "true");
        params.put(tableId + "_first", first);
        params.put(tableId + "_rows", rows);
        params.put(tableId + "_encodeFeature", "true");
        return ajax(page, formId, tableId, tableId, tableId, params);
    }

    /** Types {@code value} into an input whose keyup sends an ajax request (a search box), as PrimeFaces does. */
    public HttpResponse<String> type(HttpResponse<String> page, String formId, String inputId, String render, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("jakarta.faces.behavior.event", "keyup");
        params.put("jakarta.faces.partial.event", "keyup");
        params.put(inputId, value);
        return ajax(page, formId, inputId, inputId, render, params);
    }

    private HttpResponse<String> ajax(HttpResponse<String> page, String formId, String sourceId, String execute,
            String render, Map<String, String> params) {
        Matcher action = FORM_ACTION.matcher(formTag(page, formId));
        Matcher viewState = VIEW_STATE.matcher(page.body());
        if (!action.find() || !viewState.find()) {
            throw new AssertionError("no form " + formId + " with a view state on " + page.uri());
        }
        StringJoiner body = new StringJoiner("&");
        body.add("jakarta.faces.partial.ajax=true");
        body.add("jakarta.faces.source=" + encode(sourceId));
        body.add("jakarta.faces.partial.execute=" + encode(execute));
        body.add("jakarta.faces.partial.render=" + encode(render));
        body.add(encode(formId) + "=" + encode(formId));
        body.add("jakarta.faces.ViewState=" + encode(unescape(viewState.group(1))));
        params.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
        return send(HttpRequest.newBuilder(page.uri().resolve(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static String formTag(HttpResponse<String> page, String formId) {
        Matcher tag = FORM_TAG.matcher(page.body());
        while (tag.find()) {
            if (tag.group().contains(" id=\"" + formId + "\"")) {
                return tag.group();
            }
        }
        throw new AssertionError("no form " + formId + " on " + page.uri());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("expected a redirect from " + response.uri() + ", got "
                        + response.statusCode()));
        return response.uri().resolve(location).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#58;", ":");
    }

    /**
     * Cookies by name, sent to both servers (all on localhost). The JDK's own cookie manager withholds Keycloak's
     * Secure cookies on http, where browsers send them to localhost; the CRM's and Keycloak's names do not clash.
     */
    private static final class CookieJar extends CookieHandler {

        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((name, value) -> header.add(name + "=" + value));
            return Map.of("Cookie", List.of(header.toString()));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (!"Set-Cookie".equalsIgnoreCase(name)) {
                    return;
                }
                for (String setCookie : values) {
                    String pair = setCookie.split(";", 2)[0];
                    int equals = pair.indexOf('=');
                    String cookie = pair.substring(0, equals).strip();
                    String value = pair.substring(equals + 1).strip();
                    if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                        cookies.remove(cookie);
                    } else {
                        cookies.put(cookie, value);
                    }
                }
            });
        }
    }
}
