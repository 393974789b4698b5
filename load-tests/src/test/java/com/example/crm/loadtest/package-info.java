/** The load test of a running dev stack (Gatling, Java DSL): its settings and the simulation's three phases. */
package com.example.crm.loadtest;
