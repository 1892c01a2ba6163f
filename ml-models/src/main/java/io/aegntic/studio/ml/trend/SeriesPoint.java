package io.aegntic.studio.ml.trend;

import java.time.LocalDateTime;

/** One interval of a count series: its timestamp and value. */
public record SeriesPoint(LocalDateTime timestamp, double value) {}
