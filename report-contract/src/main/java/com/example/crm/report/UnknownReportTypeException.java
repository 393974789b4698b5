package com.example.crm.report;

/** A report of a type this side does not know, such as one from a newer reporter. Not an error of the sender. */
public class UnknownReportTypeException extends Exception {

    private final String type;

    public UnknownReportTypeException(String type) {
        super("unknown report type: " + type);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
