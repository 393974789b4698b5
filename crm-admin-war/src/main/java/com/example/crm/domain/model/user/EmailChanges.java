package com.example.crm.domain.model.user;

import com.example.crm.domain.model.reset.AuditSearch;
import java.util.List;

/** Every change of a user's email address, for the audit log. */
public interface EmailChanges {

    void add(EmailChange change);

    /** One page of changes matching the audit log's user, admin and time filters (not its outcome), newest first. */
    List<EmailChange> search(AuditSearch search);

    long count(AuditSearch search);
}
