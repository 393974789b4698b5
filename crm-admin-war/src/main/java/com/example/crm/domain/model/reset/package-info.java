/** Password reset requests: one row per attempt, with who asked, for whom, and what became of it. */
package com.example.crm.domain.model.reset;
