/**
 * MicroProfile Health checks on the server's {@code /health/ready} and {@code /health/live}: each names what is down
 * in words an operator can act on. {@code /crm/api/health} answers from the database check.
 */
package com.example.crm.interfaces.health;
