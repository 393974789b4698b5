package com.example.crm.report;

/** A body that is not a report: not a JSON object, or without a field every report has. */
public class UnreadableReportException extends Exception {

    public UnreadableReportException(String message) {
        super(message);
    }

    public UnreadableReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
