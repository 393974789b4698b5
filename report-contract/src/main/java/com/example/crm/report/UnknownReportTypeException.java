package com.example.crm.report;

/**
 * A report of a type this side does not know, such as one from a newer reporter. Not an error of the sender. It still
 * says which realm it came from, so the receiver can refuse a report for another realm whatever its type.
 */
public class UnknownReportTypeException extends Exception {

    private final String type;
    private final String realm;

    public UnknownReportTypeException(String type, String realm) {
        super("unknown report type: " + type);
        this.type = type;
        this.realm = realm;
    }

    public String type() {
        return type;
    }

    /** The report's realm, or null when it says none. */
    public String realm() {
        return realm;
    }
}
