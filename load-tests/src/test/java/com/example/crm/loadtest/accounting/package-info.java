/** Every Send Reset Link click and its notification, held against the mail server and the audit log afterwards. */
package com.example.crm.loadtest.accounting;
