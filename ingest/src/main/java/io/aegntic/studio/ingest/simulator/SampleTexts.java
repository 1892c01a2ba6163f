package io.aegntic.studio.ingest.simulator;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Real-sounding captions and comments, in all three sentiments, per creator niche. */
final class SampleTexts {
  private SampleTexts() {}

  static final List<String> POSITIVE =
      List.of(
          "This is exactly what I needed today, thank you!",
          "Absolutely love this, you explain it so clearly",
          "Tried it last night and it worked perfectly. Amazing!",
          "Best video I've seen on this all week 🔥",
          "You always make my day better, keep it up!",
          "Saved this for later, such a great idea",
          "Wow, the quality of your content keeps getting better",
          "Finally someone who explains it properly. Brilliant work");
  static final List<String> NEUTRAL =
      List.of(
          "What brand is the one you used?",
          "Is there a written version of this somewhere?",
          "How long did this take you in total?",
          "Watching this on my lunch break",
          "Which city was this filmed in?",
          "Part two when?",
          "Does this also work with the older version?",
          "I have the same one at home");
  static final List<String> NEGATIVE =
      List.of(
          "Honestly this was a waste of time, nothing new here",
          "The audio is terrible, I couldn't hear half of it",
          "This didn't work at all for me. Really disappointed",
          "Too many ads lately, I'm unfollowing",
          "Clickbait title, the video doesn't deliver",
          "I hate how long the intro is, just get to the point",
          "Wrong information in this one, please fix it",
          "Worst upload in a while, sorry but it's boring");

  private static final Map<String, List<String>> CAPTIONS =
      Map.of(
          "cooking",
          List.of(
              "15-minute garlic butter pasta for busy weeknights #pasta #easyrecipes",
              "My grandmother's sourdough, finally perfected #sourdough #baking",
              "Three sauces every home cook should know #cooking #tips"),
          "fitness",
          List.of(
              "20-minute full body workout, no equipment #fitness #homeworkout",
              "How I fixed my squat form in a week #strength #mobility",
              "What I eat in a day while training for a marathon #running #nutrition"),
          "tech",
          List.of(
              "I tested the new laptop for a month, here's the truth #tech #review",
              "5 keyboard shortcuts that save me an hour a day #productivity #tech",
              "Building a home server on a budget #homelab #linux"));

  static String comment(RandomGenerator random, int sentimentBias) {
    int roll = random.nextInt(100) + sentimentBias;
    List<String> pool = roll < 20 ? NEGATIVE : roll < 50 ? NEUTRAL : POSITIVE;
    return pool.get(random.nextInt(pool.size()));
  }

  static String caption(RandomGenerator random, String niche) {
    List<String> pool = CAPTIONS.getOrDefault(niche, CAPTIONS.get("tech"));
    return pool.get(random.nextInt(pool.size()));
  }
}
