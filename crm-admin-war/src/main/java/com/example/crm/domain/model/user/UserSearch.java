package com.example.crm.domain.model.user;


import com.example.crm.domain.model.reset.ResetStatus;

/**
 * One page of the users list: optional text (name or email), optional account status, optional status of the
 * latest reset attempt, a sort and a window. The sort field is one of {@link SortField}; anything else sorts by name.
 */
public record UserSearch(String text, UserStatus status, ResetStatus lastResetStatus, SortField sortField, boolean ascending,
                         int first, int pageSize) {

    public enum SortField { NAME, EMAIL, STATUS, ROLE }

    public UserSearch {
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative");
        }
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("pageSize must be between 1 and 200");
        }
        sortField = sortField == null ? SortField.NAME : sortField;
        text = text == null ? "" : text.strip();
    }
}
