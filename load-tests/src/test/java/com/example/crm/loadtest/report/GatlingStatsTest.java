package com.example.crm.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatlingStatsTest {

    @Test
    void readsEachRowWithItsCountsAndPercentilesByColumnHeading() {
        List<GatlingStats.Row> rows = GatlingStats.read(report());

        assertEquals(3, rows.size());
        GatlingStats.Row all = rows.get(0);
        assertEquals("All Requests", all.name());
        assertEquals(null, all.parent());
        assertEquals(57, all.requests());
        assertEquals(1, all.ko());
        GatlingStats.Row signIn = rows.get(1);
        assertTrue(signIn.group() && signIn.topLevel());
        GatlingStats.Row send = rows.get(2);
        assertEquals(new GatlingStats.Row("req_send-reset-link-754024387", "ROOT", "send reset link", 4, 4, 0, 620, 690,
                705), send);
    }

    @Test
    void refusesAReportWhoseColumnsItDoesNotKnow() {
        String renamed = report().replace("95th pct", "90th pct");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> GatlingStats.read(renamed));

        assertTrue(refused.getMessage().contains("95th pct"), refused.getMessage());
    }

    /** The parts of Gatling 3.16's index.html that matter: the headings and three rows. */
    private static String report() {
        return """
                <th id="col-2" class="header sortable"><span>Total</span></th>
                <th id="col-3" class="header sortable"><span>OK</span></th>
                <th id="col-4" class="header sortable"><span>KO</span></th>
                <th id="col-6" class="header sortable"><span><abbr title="Count of events per second">Cnt/s</abbr></span></th>
                <th id="col-8" class="header sortable"><span>50th pct</span></th>
                <th id="col-9" class="header sortable"><span>75th pct</span></th>
                <th id="col-10" class="header sortable"><span>95th pct</span></th>
                <th id="col-11" class="header sortable"><span>99th pct</span></th>
                <tbody><tr id="ROOT" >
                  <td class="total col-1"><span id="stats-table-ROOT" class="ellipsed-name">All Requests</span></td>
                  <td class="value total col-2">57</td><td class="value ok col-3">56</td><td class="value ko col-4">1</td>
                  <td class="value total col-8">152</td><td class="value total col-9">268</td>
                  <td class="value total col-10">524</td><td class="value total col-11">705</td>
                </tr></tbody>
                <tbody><tr id="group_sign-in-2088202856" data-parent="ROOT">
                  <td class="total col-1"><span class="ellipsed-name">sign in</span></td>
                  <td class="value total col-2">2</td><td class="value ok col-3">2</td><td class="value ko col-4">0</td>
                  <td class="value total col-8">1078</td><td class="value total col-9">1100</td>
                  <td class="value total col-10">1118</td><td class="value total col-11">1118</td>
                </tr><tr id="req_send-reset-link-754024387" data-parent="ROOT">
                  <td class="total col-1"><span class="ellipsed-name">send reset link</span></td>
                  <td class="value total col-2">4</td><td class="value ok col-3">4</td><td class="value ko col-4">0</td>
                  <td class="value total col-8">620</td><td class="value total col-9">650</td>
                  <td class="value total col-10">690</td><td class="value total col-11">705</td>
                </tr></tbody>
                """;
    }
}
