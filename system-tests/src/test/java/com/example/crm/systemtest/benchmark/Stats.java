package com.example.crm.systemtest.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of the benchmarks' samples, by nearest rank (with 20 samples, p95 is the 19th). */
final class Stats {

    private Stats() {
    }

    static double p50(List<? extends Number> samples) {
        return percentile(samples, 50);
    }

    static double p95(List<? extends Number> samples) {
        return percentile(samples, 95);
    }

    static double percentile(List<? extends Number> samples, int percent) {
        List<Double> sorted = new ArrayList<>(samples.stream().map(Number::doubleValue).toList());
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }
}
