/** Small producers that the rest of the application injects (clock). */
package com.example.crm.infrastructure.config;
