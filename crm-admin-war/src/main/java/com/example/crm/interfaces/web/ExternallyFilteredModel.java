package com.example.crm.interfaces.web;

import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table whose filters live outside the table (search boxes, menus): the database counts and pages on
 * every load, and a changed filter starts again at the first page.
 */
public abstract class ExternallyFilteredModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** How many rows the current filters match. */
    protected abstract long countMatching();

    /** One page of the matching rows. */
    protected abstract List<T> page(int first, int pageSize, Map<String, SortMeta> sortBy);

    /** The row's database id, its key in the table. */
    protected abstract Long idOf(T row);

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(countMatching());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        // PrimeFaces keeps the last count unless it is 0; the table cannot see our filters change, so recount.
        setRowCount(count(filterBy));
        return page(first, pageSize, sortBy);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(idOf(row));
    }

    /** A filter changed: the table shows the first page of the new result, not the page it was on. */
    public static void showFirstPage(String tableClientId) {
        DataTable table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(tableClientId);
        if (table != null) {
            table.setFirst(0);
        }
    }
}
