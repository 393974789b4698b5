package com.example.crm.interfaces.web;

import com.example.crm.application.ResetDashboard;
import com.example.crm.application.SignedInAdmin;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetStatistics.DayCount;
import com.example.crm.domain.model.reset.ResetStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.primefaces.event.ItemSelectEvent;

/** The start page's resets dashboard: the figures, the chart's model, and where each figure leads. */
@Named("home")
@RequestScoped
public class HomeBacking {

    /** What became of the attempts, as the chart and the totals group them, each with the audit log's outcome. */
    public enum Outcome {
        SENT(ResetStatus.SENT, "#2563eb"),
        PASSWORD_SET(ResetStatus.COMPLETED, "#15803d"),
        EXPIRED(ResetStatus.EXPIRED, "#b45309"),
        REPLACED(ResetStatus.SUPERSEDED, "#6b7280"),
        NOT_SENT(ResetStatus.FAILED, "#b91c1c");

        final ResetStatus auditOutcome;
        final String colour;

        Outcome(ResetStatus auditOutcome, String colour) {
            this.auditOutcome = auditOutcome;
            this.colour = colour;
        }

        static Outcome of(ResetStatus status) {
            return switch (status) {
                case REQUESTED, SENT -> SENT;
                case COMPLETED -> PASSWORD_SET;
                case EXPIRED -> EXPIRED;
                case SUPERSEDED -> REPLACED;
                case FAILED, RATE_LIMITED -> NOT_SENT;
            };
        }
    }


    @Inject
    ResetDashboard dashboard;

    @Inject
    SignedInAdmin admins;

    @Inject
    DisplayTimes times;

    @Inject
    Clock clock;

    private ResetDashboard.Figures figures;

    public boolean isShown() {
        return admins.isAdmin();
    }

    public ResetDashboard.Figures getFigures() {
        if (figures == null) {
            figures = dashboard.figures(clock.instant(), times.zone());
        }
        return figures;
    }

    /** "1 Nov – 30 Nov 2026", the days the figures cover. */
    public String getPeriod() {
        DateTimeFormatter day = dayLabel();
        return day.format(getFigures().firstDay()) + " – " + day.format(getFigures().lastDay()) + " "
                + getFigures().lastDay().getYear();
    }

    public Outcome[] getOutcomes() {
        return Outcome.values();
    }

    /** Attempts of the last 30 days per outcome. */
    public Map<Outcome, Long> getTotals() {
        Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            totals.put(outcome, 0L);
        }
        getFigures().perDay().forEach(count -> totals.merge(Outcome.of(count.status()), count.attempts(), Long::sum));
        return totals;
    }

    /** Chart.js configuration for the stacked bars, one per day, for the component library's chart. */
    public String getChartModel() {
        ResetDashboard.Figures f = getFigures();
        int days = (int) (f.lastDay().toEpochDay() - f.firstDay().toEpochDay()) + 1;
        Map<Outcome, long[]> series = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            series.put(outcome, new long[days]);
        }
        for (DayCount count : f.perDay()) {
            int index = (int) (count.day().toEpochDay() - f.firstDay().toEpochDay());
            if (index >= 0 && index < days) {
                series.get(Outcome.of(count.status()))[index] += count.attempts();
            }
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        DateTimeFormatter dayLabel = dayLabel();
        for (int day = 0; day < days; day++) {
            labels.add(dayLabel.format(f.firstDay().plusDays(day)));
        }
        ResourceBundle words = bundle();
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (Outcome outcome : Outcome.values()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (long attempts : series.get(outcome)) {
                data.add(attempts);
            }
            datasets.add(Json.createObjectBuilder().add("label", words.getString("home.outcome." + outcome))
                    .add("data", data).add("backgroundColor", outcome.colour));
        }
        JsonObjectBuilder stacked = Json.createObjectBuilder().add("stacked", true);
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", stacked)
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0))))
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }

    /** A bar was clicked: that day's attempts with that outcome in the audit log. */
    public void openDay(ItemSelectEvent event) throws IOException {
        Outcome outcome = Outcome.values()[Math.min(Math.max(event.getDataSetIndex(), 0), Outcome.values().length - 1)];
        LocalDate day = LocalDate.now(clock.withZone(times.zone())).minusDays(ResetDashboard.DAYS - 1L)
                .plusDays(Math.max(event.getItemIndex(), 0));
        FacesContext.getCurrentInstance().getExternalContext().redirect(auditLink(outcome, day, day));
    }

    /** The audit log filtered to one outcome over the dashboard's 30 days. */
    public String auditLink(Outcome outcome) {
        return auditLink(outcome, getFigures().firstDay(), getFigures().lastDay());
    }

    public String auditLink(Outcome outcome, LocalDate from, LocalDate to) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/settings/audit/?outcome=" + outcome.auditOutcome + "&from=" + from + "&to=" + to;
    }

    /** "1 h 5 min", "12 min", "40 s". */
    public String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes >= 1 ? minutes + " min" : duration.toSeconds() + " s";
    }

    /** A reason no link was sent, in a few words. */
    public String reason(ResetFailure failure) {
        return bundle().getString("home.reason." + (failure == null ? "LIMIT" : failure.name()));
    }

    /** "30 Nov" or "30. Nov.", in the page's language. */
    private static DateTimeFormatter dayLabel() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return DateTimeFormatter.ofPattern(bundle().getString("home.dayPattern"), locale);
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }
}
