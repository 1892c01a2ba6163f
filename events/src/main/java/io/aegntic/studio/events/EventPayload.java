package io.aegntic.studio.events;

import java.util.List;

/**
 * The typed part of a {@link StudioEvent}. Which record an event carries follows from its {@link
 * EventType}; the JSON holds the type beside the payload, not inside it.
 */
public sealed interface EventPayload {

  /** A post, video or story went live. */
  record PostPublished(String title, String text, List<String> hashtags, String url)
      implements EventPayload {
    public PostPublished {
      hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }
  }

  /**
   * One or more interactions of one kind (the kind is the event type: like, share, save, view,
   * follow, unfollow). Platforms that batch send a count above one.
   */
  record Interaction(long count) implements EventPayload {
    public Interaction {
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1: " + count);
      }
    }
  }

  /** A comment on, or a mention of, the creator's content. */
  record Comment(String commentId, String text, String parentId, List<String> hashtags)
      implements EventPayload {
    public Comment {
      Require.text(commentId, "commentId");
      Require.present(text, "text");
      hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }
  }

  /**
   * Cumulative counters of one content item as a poller read them. Null means the platform does not
   * report that counter; the job turns consecutive snapshots into deltas.
   */
  record ContentSnapshot(
      Long views, Long impressions, Long likes, Long comments, Long shares, Long saves)
      implements EventPayload {}

  /** The follower count of the creator's account on a platform, as a poller read it. */
  record AudienceSnapshot(long followers) implements EventPayload {
    public AudienceSnapshot {
      if (followers < 0) {
        throw new IllegalArgumentException("followers must not be negative: " + followers);
      }
    }
  }

  /**
   * A subscription's state after a Stripe change. {@code monthlyAmount} is what it contributes to
   * MRR (yearly plans divided by twelve); {@code customerId} is hashed.
   */
  record Subscription(String subscriptionId, String customerId, String status, Money monthlyAmount)
      implements EventPayload {
    public Subscription {
      Require.text(subscriptionId, "subscriptionId");
      Require.text(status, "status");
      Require.present(monthlyAmount, "monthlyAmount");
    }
  }

  /** A paid invoice. */
  record Payment(String invoiceId, String subscriptionId, Money amount) implements EventPayload {
    public Payment {
      Require.text(invoiceId, "invoiceId");
      Require.present(amount, "amount");
    }
  }

  /** A refunded charge; {@code amount} is the amount refunded. */
  record Refund(String chargeId, Money amount) implements EventPayload {
    public Refund {
      Require.text(chargeId, "chargeId");
      Require.present(amount, "amount");
    }
  }
}
