/** Settings → Audit log: every reset attempt, its outcome and who made it. */
package com.example.crm.interfaces.web.settings.audit;
