package com.example.crm.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportBodyTest {

    @Test
    void aDeclaredLengthOverTheCapIsTooLarge() {
        assertTrue(ReportBody.declaredOver("101", 100));
        assertTrue(ReportBody.declaredOver(" 99999999999999 ", 100));
        assertFalse(ReportBody.declaredOver("100", 100));
        assertFalse(ReportBody.declaredOver("0", 100));
    }

    @Test
    void aMissingOrUnreadableDeclaredLengthLeavesItToTheStream() {
        assertFalse(ReportBody.declaredOver(null, 100));
        assertFalse(ReportBody.declaredOver("lots", 100));
    }

    @Test
    void readsABodyUpToTheCapAsUtf8() throws IOException {
        String body = "{\"name\":\"Zoë\"}";
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(Optional.of(body), ReportBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), size));
        assertEquals(Optional.of(""), ReportBody.read(new ByteArrayInputStream(new byte[0]), size));
        assertEquals(Optional.of(""), ReportBody.read(null, size));
    }

    @Test
    void stopsReadingOneByteAfterTheCap() throws IOException {
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'x';
            }
        };
        assertEquals(Optional.empty(), ReportBody.read(endless, 100));
        assertEquals(101, read[0]);
        assertEquals(Optional.empty(), ReportBody.read(new ByteArrayInputStream(new byte[101]), 100));
    }
}
