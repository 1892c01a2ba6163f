package io.aegntic.studio.ml.trend;

import java.io.Serializable;

/**
 * What {@link TrendTracker} says about one interval: its value, the forecast for the next interval
 * with its 95% interval, the change from the previous interval (velocity), the spike score, whether
 * the interval is trending (score at or above the alert threshold) and whether a new alert fired.
 */
public record TrendPoint(
    double value,
    double forecast,
    double forecastLow,
    double forecastHigh,
    double velocity,
    double anomalyScore,
    boolean trending,
    boolean alert)
    implements Serializable {}
