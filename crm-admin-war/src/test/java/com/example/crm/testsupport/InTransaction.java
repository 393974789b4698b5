package com.example.crm.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** Runs a test's reads in one transaction (Payara closes a non-transactional entity manager between calls). */
@ApplicationScoped
public class InTransaction {

    @Transactional
    public <T> T get(Supplier<T> work) {
        return work.get();
    }
}
