package com.example.crm.interfaces.web.settings.users;

import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.UserSearch;
import com.example.crm.domain.model.user.UserStatus;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Settings → User Management → Users: every account, filtered, sorted and paged in the database. */
@Named
@ViewScoped
public class UserListBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE_ID = ":users-form:users";

    @Inject
    CrmUsers users;

    private String search = "";
    private UserStatus status;
    private ResetStatus lastResetStatus;
    private final LazyDataModel<CrmUser> model = new UsersPage();

    public LazyDataModel<CrmUser> getModel() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null ? "" : search;
    }

    public UserStatus getStatus() {
        return status;
    }

    public void setStatus(UserStatus status) {
        this.status = status;
    }

    public UserStatus[] getStatuses() {
        return UserStatus.values();
    }

    public ResetStatus getLastResetStatus() {
        return lastResetStatus;
    }

    public void setLastResetStatus(ResetStatus lastResetStatus) {
        this.lastResetStatus = lastResetStatus;
    }

    public ResetStatus[] getResetStatuses() {
        return ResetStatus.values();
    }

    /** Search text or status changed: show the first page of the new result. */
    public void filterChanged() {
        DataTable table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE_ID);
        if (table != null) {
            table.setFirst(0);
        }
    }

    /** The table's pages: PrimeFaces asks for the count and one window at a time. */
    private final class UsersPage extends LazyDataModel<CrmUser> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(users.count(searchFor(0, 1, Map.of())));
        }

        @Override
        public List<CrmUser> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            // PrimeFaces keeps the last count unless it is 0; our filters live outside the table, so recount.
            setRowCount(count(filterBy));
            return users.search(searchFor(first, pageSize, sortBy));
        }

        @Override
        public String getRowKey(CrmUser user) {
            return String.valueOf(user.getId());
        }

        private UserSearch searchFor(int first, int pageSize, Map<String, SortMeta> sortBy) {
            UserSearch.SortField field = UserSearch.SortField.NAME;
            boolean ascending = true;
            for (SortMeta sort : sortBy.values()) {
                if (sort.getOrder() == SortOrder.UNSORTED) {
                    continue;
                }
                field = switch (sort.getField()) { // the property of the column's sortBy
                    case "email" -> UserSearch.SortField.EMAIL;
                    case "status" -> UserSearch.SortField.STATUS;
                    case "role" -> UserSearch.SortField.ROLE;
                    default -> UserSearch.SortField.NAME;
                };
                ascending = sort.getOrder() == SortOrder.ASCENDING;
                break;
            }
            return new UserSearch(search, status, lastResetStatus, field, ascending, first, pageSize);
        }
    }
}
