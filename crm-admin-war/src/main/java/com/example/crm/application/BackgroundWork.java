package com.example.crm.application;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Work that goes on after the request that started it, in an invocation of its own. A managed executor task would
 * carry the request's invocation along, and whichever of the two ended first closed the database access the other
 * was still reading with (profiles answered 500 now and then while their background check ran). No transaction of
 * its own: each step takes one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackgroundWork {

    @Asynchronous
    public void run(Runnable work) {
        work.run();
    }
}
