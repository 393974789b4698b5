package com.example.crm.systemtest.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mail GreenMail received, read through its REST API. */
public final class Mailbox {

    private static final Pattern ACTION_LINK = Pattern.compile("(https?://\\S+/login-actions/action-token\\?key=[\\w.\\-]+)");

    private final String apiUrl;

    public Mailbox(RunningStack stack) {
        this.apiUrl = stack.mailApiUrl();
    }

    /** Raw MIME messages for this address (none when the mailbox was never written to). */
    public List<String> messagesFor(String email) {
        var response = Http.get(apiUrl + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages");
        List<String> messages = new ArrayList<>();
        if (response.statusCode() != 200) {
            return messages;
        }
        for (JsonNode message : Http.json(response.body())) {
            messages.add(message.path("mimeMessage").asText());
        }
        return messages;
    }

    /** How many of these addresses got at least one message. */
    public int reached(List<String> addresses) {
        return (int) addresses.stream().filter(address -> !messagesFor(address).isEmpty()).count();
    }

    /** Waits for the n-th message to this address and returns it. */
    public String awaitMessage(String email, int count, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            List<String> messages = messagesFor(email);
            if (messages.size() >= count) {
                return messages.get(count - 1);
            }
            sleep(250);
        }
        throw new AssertionError("no message #" + count + " for " + email + " within " + limit);
    }

    /** The reset link in the n-th message to this address, once it arrives (within 30 s). */
    public String awaitLink(String email, int count) {
        return actionLink(awaitMessage(email, count, Duration.ofSeconds(30)));
    }

    /** The reset link from a message's plain-text part, decoded (long lines are wrapped in transfer). */
    public static String actionLink(String mimeMessage) {
        String text = Email.parse(mimeMessage).text();
        Matcher m = ACTION_LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no action link in message:\n" + text);
        }
        return m.group(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
