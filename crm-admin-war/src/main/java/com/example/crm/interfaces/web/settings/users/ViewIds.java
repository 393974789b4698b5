package com.example.crm.interfaces.web.settings.users;

import jakarta.faces.context.FacesContext;

/**
 * Ids typed in a page's URL. Pages keyed by one keep it in the URL of every request, their forms' too (o:form),
 * so that a view-scoped bean made anew mid-request (the session holds a bounded number of views, and parallel
 * requests can push this one's beans out) finds its id again instead of failing.
 */
final class ViewIds {

    private ViewIds() {
    }

    /** The id in this request's URL parameter {@code name}, or null. */
    static Long fromRequest(String name) {
        return parse(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name));
    }

    /** The id as a number; anything else gives no id, which the page answers with a 404. */
    static Long parse(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
