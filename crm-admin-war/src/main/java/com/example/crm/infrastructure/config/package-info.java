/** The CRM's own settings: small producers the rest injects (clock), and the start-up check of its secrets. */
package com.example.crm.infrastructure.config;
