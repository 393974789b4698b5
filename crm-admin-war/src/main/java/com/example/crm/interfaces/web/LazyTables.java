package com.example.crm.interfaces.web;

import jakarta.faces.context.FacesContext;
import org.primefaces.component.datatable.DataTable;

/** Helpers for the lazy tables whose filters live outside the table. */
public final class LazyTables {

    private LazyTables() {
    }

    /** A filter changed: the table shows the first page of the new result, not the page it was on. */
    public static void showFirstPage(String tableClientId) {
        DataTable table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(tableClientId);
        if (table != null) {
            table.setFirst(0);
        }
    }
}
