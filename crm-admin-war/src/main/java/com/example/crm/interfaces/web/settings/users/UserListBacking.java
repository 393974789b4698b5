package com.example.crm.interfaces.web.settings.users;

import com.example.crm.application.BulkResets;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.UserSearch;
import com.example.crm.domain.model.user.UserStatus;
import com.example.crm.interfaces.web.ExternallyFilteredModel;
import com.example.crm.interfaces.web.Notifications;
import com.example.crm.interfaces.web.ResetMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Settings → User Management → Users: every account, filtered, sorted and paged in the database. */
@Named
@ViewScoped
public class UserListBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE_ID = ":users-form:users";
    private static final String COUNTED_SEARCH = UserListBacking.class.getName() + ".countedSearch";
    private static final String COUNT = UserListBacking.class.getName() + ".count";

    @Inject
    CrmUsers users;

    @Inject
    BulkResets bulkResets;

    private String search = "";
    private UserStatus status;
    private ResetStatus lastResetStatus;
    private final LazyDataModel<CrmUser> model = new UsersPage();
    private List<CrmUser> selected = new ArrayList<>();
    private boolean allMatching;
    private boolean madeOnPostback;

    /** Made on a click rather than when the page opened: the session had pushed this page's state out. */
    @PostConstruct
    void rememberHowMade() {
        madeOnPostback = FacesContext.getCurrentInstance().isPostback();
    }

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

    public List<CrmUser> getSelected() {
        return selected;
    }

    public void setSelected(List<CrmUser> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
        allMatching = false;
    }

    /** "Select all N matching": the run will cover every user the filters match, on every page. */
    public void selectAllMatching() {
        allMatching = true;
    }

    public void clearSelection() {
        selected = new ArrayList<>();
        allMatching = false;
    }

    public boolean isAllMatching() {
        return allMatching;
    }

    /** How many users a bulk send would cover now. */
    public long getSelectionCount() {
        return allMatching ? getMatchingCount() : selected.size();
    }

    /** How many users the filters match; counted once per request, though the table and the bulk bar both ask. */
    public long getMatchingCount() {
        UserSearch criteria = searchFor(0, 1, Map.of());
        Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
        if (!criteria.equals(request.get(COUNTED_SEARCH))) {
            request.put(COUNTED_SEARCH, criteria);
            request.put(COUNT, users.count(criteria));
        }
        return (Long) request.get(COUNT);
    }

    /** Starts a bulk run for the selection and opens its progress page. */
    public String sendToSelection() {
        long count = getSelectionCount();
        ResetMessages words = ResetMessages.forCurrentView();
        if (madeOnPostback) {
            Notifications.warning(words.bulkNotStartedTitle(), words.bulkSelectionForgottenText());
            return null;
        }
        if (count == 0 || count > BulkResets.MAX_USERS) {
            Notifications.warning(words.bulkNotStartedTitle(), words.bulkNotStartedText(count, BulkResets.MAX_USERS));
            return null;
        }
        List<Long> ids = allMatching
                ? users.ids(searchFor(0, 1, Map.of()), BulkResets.MAX_USERS)
                : selected.stream().map(CrmUser::getId).toList();
        long runId = bulkResets.start(ids);
        return "/settings/users/bulk?faces-redirect=true&run=" + runId;
    }

    /** Search text or status changed: show the first page of the new result. */
    public void filterChanged() {
        allMatching = false;
        ExternallyFilteredModel.showFirstPage(TABLE_ID);
    }

    /** The table's pages: PrimeFaces asks for the count and one window at a time. */
    private final class UsersPage extends ExternallyFilteredModel<CrmUser> {

        private static final long serialVersionUID = 1L;

        @Override
        protected long countMatching() {
            return getMatchingCount();
        }

        @Override
        protected List<CrmUser> page(int first, int pageSize, Map<String, SortMeta> sortBy) {
            return users.search(searchFor(first, pageSize, sortBy), getMatchingCount());
        }

        @Override
        protected Long idOf(CrmUser user) {
            return user.getId();
        }

        /** A ticked row, possibly on another page: selection keeps users across pages. */
        @Override
        public CrmUser getRowData(String rowKey) {
            try {
                return users.find(Long.parseLong(rowKey)).orElse(null);
            } catch (NumberFormatException notAKey) {
                return null;
            }
        }
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
