/** Use cases of the CRM admin pages: sending a password reset link, and the port to the identity provider. */
package com.example.crm.application;
