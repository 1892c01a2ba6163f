package io.aegntic.studio.ml.trend;

import java.io.Serializable;

/**
 * One interval's spike assessment: anomaly score in [0, 1] (0 at or below the baseline, 0.5 at the
 * default alert threshold of four typical deviations above it, near 1 for a burst far above it),
 * and whether an alert fires on this interval.
 */
public record SpikeScore(double score, boolean alert) implements Serializable {}
