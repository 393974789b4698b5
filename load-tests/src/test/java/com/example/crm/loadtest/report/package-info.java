/** After the run: Gatling's statistics and the accounting as one Markdown report, and the run's verdict. */
package com.example.crm.loadtest.report;
