package com.example.crm.domain.model.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why an email address may be mistyped (help article: "verify the email address is spelled correctly"):
 * spaces, not one "@", a missing or odd top-level domain, or a common misspelling of a mail provider.
 */
public final class EmailAdvice {

    /** One warning, with the corrected address when there is an obvious one. */
    public record Warning(Kind kind, String suggestion) {
    }

    public enum Kind { SPACES, NOT_AN_ADDRESS, TOO_LONG, ODD_TOP_LEVEL_DOMAIN, MISSPELLED_PROVIDER }

    /** The longest address mail can carry (RFC 5321: a 254-character path). */
    public static final int MAX_LENGTH = 254;

    private static final Map<String, String> PROVIDER_TYPOS = Map.ofEntries(
            Map.entry("gmial.com", "gmail.com"), Map.entry("gmal.com", "gmail.com"), Map.entry("gamil.com", "gmail.com"),
            Map.entry("gmaill.com", "gmail.com"), Map.entry("gnail.com", "gmail.com"), Map.entry("gmail.con", "gmail.com"),
            Map.entry("hotmial.com", "hotmail.com"), Map.entry("hotmal.com", "hotmail.com"), Map.entry("hotmai.com", "hotmail.com"),
            Map.entry("hotmail.con", "hotmail.com"), Map.entry("yaho.com", "yahoo.com"), Map.entry("yahooo.com", "yahoo.com"),
            Map.entry("yahoo.con", "yahoo.com"), Map.entry("outlok.com", "outlook.com"), Map.entry("outllok.com", "outlook.com"),
            Map.entry("outlook.con", "outlook.com"), Map.entry("iclod.com", "icloud.com"), Map.entry("icoud.com", "icloud.com"));
    private static final Map<String, String> TOP_LEVEL_TYPOS = Map.of("con", "com", "cmo", "com", "cpm", "com", "ocm", "com",
            "nte", "net", "ogr", "org");

    private EmailAdvice() {
    }

    public static List<Warning> check(String email) {
        List<Warning> warnings = new ArrayList<>();
        if (email == null || email.isBlank()) {
            return warnings;
        }
        String trimmed = email.strip();
        if (trimmed.length() > MAX_LENGTH) {
            warnings.add(new Warning(Kind.TOO_LONG, null));
            return warnings;
        }
        if (!trimmed.equals(email) || trimmed.chars().anyMatch(Character::isWhitespace)) {
            warnings.add(new Warning(Kind.SPACES, trimmed.replaceAll("\\s+", "")));
        }
        String address = trimmed.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1) {
            warnings.add(new Warning(Kind.NOT_AN_ADDRESS, null));
            return warnings;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (PROVIDER_TYPOS.containsKey(domain)) {
            warnings.add(new Warning(Kind.MISSPELLED_PROVIDER, local + "@" + PROVIDER_TYPOS.get(domain)));
            return warnings;
        }
        int dot = domain.lastIndexOf('.');
        String topLevel = dot < 0 ? "" : domain.substring(dot + 1);
        if (dot <= 0 || topLevel.length() < 2 || !topLevel.chars().allMatch(Character::isLetter)) {
            warnings.add(new Warning(Kind.ODD_TOP_LEVEL_DOMAIN, null));
        } else if (TOP_LEVEL_TYPOS.containsKey(topLevel)) {
            warnings.add(new Warning(Kind.ODD_TOP_LEVEL_DOMAIN, local + "@" + domain.substring(0, dot + 1) + TOP_LEVEL_TYPOS.get(topLevel)));
        }
        return warnings;
    }

    /** The address as a support ticket may show it: first letter, then ***, then the domain (a***@example.com). */
    public static String masked(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
