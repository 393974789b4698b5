/** Working with the other CRM instances through Payara's data grid (Hazelcast): what each instance must hear. */
package com.example.crm.infrastructure.cluster;
