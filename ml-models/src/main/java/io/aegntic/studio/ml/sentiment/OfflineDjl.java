package io.aegntic.studio.ml.sentiment;

/** Switches DJL to offline, no-telemetry mode before any DJL class initialises. */
final class OfflineDjl {
  private OfflineDjl() {}

  /**
   * DJL reads these on first use: offline stops model-zoo and native-library downloads, and
   * OPT_OUT_TRACKING stops its usage ping. Honour a caller who already chose otherwise.
   */
  static void apply() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
  }
}
