package com.example.crm.infrastructure.persistence.jpa;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The WHERE clause of a search, built from the filters it has: each condition comes with its named parameter and is
 * added only when the value is present, so the clause and its parameters cannot drift apart. One filter serves both
 * the count and the page query.
 */
final class JpqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * Adds {@code condition}, which uses {@code :parameter}, bound to {@code value}; nothing when the value is absent
     * (null or an empty string).
     */
    JpqlFilter and(String condition, String parameter, Object value) {
        if (value == null || value instanceof String text && text.isEmpty()) {
            return this;
        }
        if (!condition.matches(".*:" + Pattern.quote(parameter) + "\\b.*")) {
            throw new IllegalArgumentException("The condition \"" + condition + "\" does not use :" + parameter);
        }
        if (parameters.containsKey(parameter)) {
            throw new IllegalArgumentException("The parameter :" + parameter + " is already used");
        }
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /**
     * Adds "{@code lowerCased} contains {@code text}", ignoring case and reading wildcards in the text as text;
     * nothing when the text is empty. {@code lowerCased} must be lower case already (a lower-cased column or
     * {@code LOWER(...)}).
     */
    JpqlFilter contains(String lowerCased, String parameter, String text) {
        return text.isEmpty() ? this : and(lowerCased + " LIKE :" + parameter + " ESCAPE '\\'", parameter, containing(text));
    }

    /** The clause to append to {@code SELECT ... FROM ...}: empty when no filter is present. */
    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds every parameter of the present conditions to {@code query}. */
    <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** A LIKE pattern (with ESCAPE '\\') for lower-cased columns containing {@code text}; wildcards in it are text. */
    static String containing(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
