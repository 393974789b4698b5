package com.example.crm.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A report's body, read with a cap: one larger than the cap is refused on its declared length, before a byte is read,
 * or, when no length was declared (or a wrong one), after at most one byte more than the cap.
 */
final class ReportBody {

    private ReportBody() {
    }

    /** True when the request's Content-Length says more than {@code maxBytes}; a missing or unreadable one says nothing. */
    static boolean declaredOver(String contentLength, int maxBytes) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The body as UTF-8 text, or empty when it runs past {@code maxBytes}. Reads at most {@code maxBytes + 1} bytes,
     * whatever the stream holds.
     */
    static Optional<String> read(InputStream body, int maxBytes) throws IOException {
        if (body == null) {
            return Optional.of("");
        }
        byte[] bytes = body.readNBytes(maxBytes + 1);
        return bytes.length > maxBytes ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
}
