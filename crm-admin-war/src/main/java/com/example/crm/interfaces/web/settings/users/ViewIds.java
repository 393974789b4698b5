package com.example.crm.interfaces.web.settings.users;

/** Ids typed in a page's URL. */
final class ViewIds {

    private ViewIds() {
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
