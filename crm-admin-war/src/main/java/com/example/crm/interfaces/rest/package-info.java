/** The CRM's small HTTP API: health for the launcher and load balancers, and the session probe for the pages. */
package com.example.crm.interfaces.rest;
