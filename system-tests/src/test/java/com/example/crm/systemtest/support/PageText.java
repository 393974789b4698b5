package com.example.crm.systemtest.support;

/** A page or partial response as a person would read it, shortened for a test's failure message. */
public final class PageText {

    private static final int MAX = 400;

    private PageText() {
    }

    /** The visible text (no markup, no scripts), its start. */
    public static String gist(String body) {
        return shortened(body.replaceAll("(?s)<script.*?</script>", " "));
    }

    /** The notifications a click's answer carries (the growls' messages live in their scripts). */
    public static String notifications(String body) {
        int growls = body.indexOf("success-growl");
        return shortened(growls < 0 ? body : body.substring(growls));
    }

    private static String shortened(String html) {
        String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        return text.substring(0, Math.min(MAX, text.length()));
    }
}
