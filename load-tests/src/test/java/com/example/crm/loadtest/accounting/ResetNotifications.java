package com.example.crm.loadtest.accounting;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the notification in the CRM's answer to a Send Reset Link click (a Faces partial response whose growls carry
 * the message), in the product's own words: the patterns come from the CRM's message bundle, so a reworded message
 * is still recognised.
 */
public final class ResetNotifications {

    /** A PrimeFaces growl message in a partial response: {@code {summary:"…",detail:"…",severity:'…'}}. */
    private static final Pattern GROWL_MESSAGE = Pattern.compile(
            "\\{summary:\"((?:[^\"\\\\]|\\\\.)*)\",detail:\"((?:[^\"\\\\]|\\\\.)*)\",severity:'(\\w+)'\\}");
    private static final Pattern REDIRECT = Pattern.compile("<redirect url=\"([^\"]*)\"");
    private static final Pattern ERROR_NAME = Pattern.compile("<error-name>([^<]*)</error-name>");
    private static final String USER = "user";

    private final String sentTitle;
    private final String sentText;
    private final String failedTitle;
    private final String userGoneText;
    private final String rateLimitedTitle;
    private final Pattern rateLimitedText;
    private final String duplicateTitle;
    private final Pattern duplicateText;
    private final Map<String, Pattern> failureTexts = new LinkedHashMap<>();

    public ResetNotifications(Properties bundle) {
        sentTitle = required(bundle, "reset.sent.title");
        sentText = required(bundle, "reset.sent.text");
        failedTitle = required(bundle, "reset.failed.title");
        userGoneText = required(bundle, "reset.failed.userGone");
        rateLimitedTitle = required(bundle, "reset.rateLimited.title");
        rateLimitedText = template(required(bundle, "reset.rateLimited.text"), false);
        duplicateTitle = required(bundle, "reset.duplicate.title");
        duplicateText = template(required(bundle, "reset.duplicate.text"), false);
        bundle.stringPropertyNames().stream()
                .filter(key -> key.startsWith("reset.failure.") && !key.equals("reset.failure.keycloakSaid"))
                .sorted()
                .forEach(key -> failureTexts.put(key.substring("reset.failure.".length()),
                        template(bundle.getProperty(key), true)));
        if (failureTexts.isEmpty()) {
            throw new IllegalArgumentException("the message bundle has no reset.failure.* texts");
        }
    }

    /** The CRM's English message bundle ({@code messages.properties} of the CRM's web tier). */
    public static ResetNotifications fromBundle(Path messages) {
        Properties bundle = new Properties();
        try (Reader reader = Files.newBufferedReader(messages, StandardCharsets.UTF_8)) {
            bundle.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CRM's messages from " + messages.toAbsolutePath()
                    + " (set crm.messages)", e);
        }
        return new ResetNotifications(bundle);
    }

    /**
     * The outcome that {@code answer} (the click's response body, null if none came) tells the admin about the user
     * named {@code userName}. A notification about somebody else is not an outcome of this click.
     */
    public ResetOutcome read(String answer, String userName) {
        if (answer == null) {
            return ResetOutcome.noAnswer("no response");
        }
        if (!answer.contains("<partial-response")) {
            return ResetOutcome.unrecognised("a full page instead of the ajax answer");
        }
        Matcher redirect = REDIRECT.matcher(answer);
        if (redirect.find()) {
            return ResetOutcome.unrecognised("redirected to " + redirect.group(1).replaceAll("\\?.*", ""));
        }
        Matcher error = ERROR_NAME.matcher(answer);
        boolean named = error.find();
        if (named || answer.contains("<error>")) {
            return ResetOutcome.unrecognised("Faces error " + (named ? error.group(1) : "without a name"));
        }
        List<String[]> messages = growlMessages(answer);
        if (messages.isEmpty()) {
            return ResetOutcome.unrecognised("no notification");
        }
        if (messages.size() > 1) {
            return ResetOutcome.unrecognised(messages.size() + " notifications at once");
        }
        return outcome(messages.get(0)[0], messages.get(0)[1], userName);
    }

    private ResetOutcome outcome(String title, String text, String userName) {
        if (title.equals(sentTitle)) {
            return text.equals(sentText) ? ResetOutcome.sent() : ResetOutcome.unrecognised("success with another text");
        }
        if (title.equals(duplicateTitle)) {
            return aboutUser(duplicateText, text, userName, ResetOutcome.duplicateClick());
        }
        if (title.equals(rateLimitedTitle)) {
            return aboutUser(rateLimitedText, text, userName, ResetOutcome.rateLimited());
        }
        if (title.equals(failedTitle)) {
            if (text.equals(userGoneText)) {
                return ResetOutcome.notSent("USER_GONE");
            }
            for (Map.Entry<String, Pattern> failure : failureTexts.entrySet()) {
                if (failure.getValue().matcher(text).matches()) {
                    return aboutUser(failure.getValue(), text, userName, ResetOutcome.notSent(failure.getKey()));
                }
            }
            return ResetOutcome.unrecognised("a refusal in words the CRM does not use");
        }
        return ResetOutcome.unrecognised("notification titled \"" + title + "\"");
    }

    /** {@code outcome} if {@code text} matches and names {@code userName} (where the text names anyone). */
    private static ResetOutcome aboutUser(Pattern pattern, String text, String userName, ResetOutcome outcome) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.matches()) {
            return ResetOutcome.unrecognised(outcome.label() + " in words the CRM does not use");
        }
        if (userName != null && pattern.pattern().contains("(?<" + USER + ">") && matcher.group(USER) != null
                && !matcher.group(USER).equals(userName)) {
            return ResetOutcome.unrecognised(outcome.label() + " about another user");
        }
        return outcome;
    }

    /** Each growl message in the answer as {title, text}, with the JavaScript string escapes undone. */
    static List<String[]> growlMessages(String answer) {
        List<String[]> messages = new ArrayList<>();
        Matcher message = GROWL_MESSAGE.matcher(answer);
        while (message.find()) {
            messages.add(new String[] {unescapeJs(message.group(1)), unescapeJs(message.group(2))});
        }
        return messages;
    }

    /**
     * A regular expression for a MessageFormat text: {0} (the user's name) is captured, other arguments match
     * anything, and a failure text may be followed by Keycloak's own words.
     */
    static Pattern template(String messageFormat, boolean keycloakMayAdd) {
        String[] markers = {"\u0000", "\u0001", "\u0002", "\u0003"};
        String text = MessageFormat.format(messageFormat, (Object[]) markers);
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean userCaptured = false;
        for (char c : text.toCharArray()) {
            if (c <= '\u0003') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                if (c == '\u0000' && !userCaptured) {
                    regex.append("(?<").append(USER).append(">.+?)");
                    userCaptured = true;
                } else {
                    regex.append(".+?");
                }
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        if (keycloakMayAdd) {
            regex.append("(?: .*)?");
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    static String unescapeJs(String js) {
        StringBuilder text = new StringBuilder(js.length());
        for (int i = 0; i < js.length(); i++) {
            char c = js.charAt(i);
            if (c != '\\' || i + 1 == js.length()) {
                text.append(c);
                continue;
            }
            char next = js.charAt(++i);
            switch (next) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'u' -> {
                    text.append((char) Integer.parseInt(js.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'x' -> {
                    text.append((char) Integer.parseInt(js.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> text.append(next);
            }
        }
        return text.toString();
    }

    private static String required(Properties bundle, String key) {
        return Optional.ofNullable(bundle.getProperty(key))
                .orElseThrow(() -> new IllegalArgumentException("the message bundle has no " + key));
    }
}
