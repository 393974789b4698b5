package com.example.crm.domain.model.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.user.EmailAdvice.Kind;
import com.example.crm.domain.model.user.EmailAdvice.Warning;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailAdviceTest {

    @Test
    void aPlainAddressNeedsNoAdvice() {
        assertTrue(EmailAdvice.check("liam.smith@example.com").isEmpty());
        assertTrue(EmailAdvice.check("ann@sub.example.co").isEmpty());
        assertTrue(EmailAdvice.check(null).isEmpty());
    }

    @Test
    void suggestsTheProviderForCommonMisspellings() {
        assertEquals(List.of(new Warning(Kind.MISSPELLED_PROVIDER, "ann@gmail.com")), EmailAdvice.check("ann@gmial.com"));
        assertEquals(List.of(new Warning(Kind.MISSPELLED_PROVIDER, "ann@hotmail.com")), EmailAdvice.check("Ann@Hotmial.com"));
    }

    @Test
    void flagsAMissingOrOddTopLevelDomain() {
        assertEquals(List.of(new Warning(Kind.ODD_TOP_LEVEL_DOMAIN, "ann@example.com")), EmailAdvice.check("ann@example.con"));
        assertEquals(List.of(new Warning(Kind.ODD_TOP_LEVEL_DOMAIN, null)), EmailAdvice.check("ann@example"));
        assertEquals(List.of(new Warning(Kind.ODD_TOP_LEVEL_DOMAIN, null)), EmailAdvice.check("ann@example.c"));
    }

    @Test
    void flagsSpacesAndWhatIsNotAnAddress() {
        assertEquals(List.of(new Warning(Kind.SPACES, "ann@example.com")), EmailAdvice.check("ann @example.com"));
        assertEquals(List.of(new Warning(Kind.NOT_AN_ADDRESS, null)), EmailAdvice.check("ann.example.com"));
        assertEquals(List.of(new Warning(Kind.NOT_AN_ADDRESS, null)), EmailAdvice.check("ann@@example.com"));
    }

    @Test
    void flagsAnAddressLongerThanMailCanCarry() {
        String huge = "a".repeat(10_000) + "@example.com";
        assertEquals(List.of(new EmailAdvice.Warning(EmailAdvice.Kind.TOO_LONG, null)), EmailAdvice.check(huge));
        assertEquals(List.of(), EmailAdvice.check("a".repeat(242) + "@example.com"), "254 characters is fine");
    }

    @Test
    void masksAnAddressForTickets() {
        assertEquals("l***@example.com", EmailAdvice.masked("liam.smith@example.com"));
        assertEquals("", EmailAdvice.masked(null));
    }
}
