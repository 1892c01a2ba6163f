package io.aegntic.studio.ml.trend;

import java.io.Serializable;

/** The forecast for the interval {@code horizon} steps ahead, with a 95% prediction interval. */
public record Forecast(int horizon, double mean, double low, double high) implements Serializable {}
