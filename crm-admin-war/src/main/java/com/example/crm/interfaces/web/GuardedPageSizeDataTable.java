package com.example.crm.interfaces.web;

import jakarta.faces.context.FacesContext;
import java.util.Arrays;
import org.primefaces.component.datatable.DataTable;

/**
 * PrimeFaces' table, which answers a page size it does not offer (only a forged request sends one) with the
 * largest it does offer, where PrimeFaces would throw and the admin would see the error page. faces-config.xml puts
 * it in the place of every p:dataTable.
 */
public class GuardedPageSizeDataTable extends DataTable {

    @Override
    public void updatePaginationData(FacesContext context) {
        try {
            super.updatePaginationData(context);
        } catch (IllegalArgumentException notOffered) { // also a first row or page size that is no number
            setFirst(0);
            setRows(largestOffered());
        }
    }

    private int largestOffered() {
        String template = getRowsPerPageTemplate();
        return template == null ? getRows() : Arrays.stream(template.split(","))
                .map(String::strip).filter(option -> option.matches("\\d+"))
                .mapToInt(Integer::parseInt).max().orElse(getRows());
    }
}
