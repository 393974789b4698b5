package com.example.crm.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * The notifications top-right: green for success, red or yellow for problems (shown longer: their reason also stays
 * in the history). The growls in WEB-INF/templates/layout.xhtml listen for these two keys.
 */
public final class Notifications {

    public static final String SUCCESS = "reset-success";
    public static final String PROBLEM = "reset-problem";

    private Notifications() {
    }

    public static void success(String title, String text) {
        FacesContext.getCurrentInstance().addMessage(SUCCESS, new FacesMessage(FacesMessage.SEVERITY_INFO, title, text));
    }

    public static void error(String title, String text) {
        problem(FacesMessage.SEVERITY_ERROR, title, text);
    }

    public static void warning(String title, String text) {
        problem(FacesMessage.SEVERITY_WARN, title, text);
    }

    private static void problem(FacesMessage.Severity severity, String title, String text) {
        FacesContext.getCurrentInstance().addMessage(PROBLEM, new FacesMessage(severity, title, text));
    }
}
