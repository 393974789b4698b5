/** The CRM's data through JPA (EclipseLink on Payara), and the schema migrations that shape it. */
package com.example.crm.infrastructure.persistence.jpa;
