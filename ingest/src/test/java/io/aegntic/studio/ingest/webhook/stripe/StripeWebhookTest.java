package io.aegntic.studio.ingest.webhook.stripe;

import static io.aegntic.studio.ingest.webhook.TestSetup.headers;
import static io.aegntic.studio.ingest.webhook.TestSetup.hex;
import static io.aegntic.studio.ingest.webhook.TestSetup.hmac;
import static io.aegntic.studio.ingest.webhook.TestSetup.rejection;
import static io.aegntic.studio.ingest.webhook.TestSetup.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Money;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class StripeWebhookTest {
  private static final String BODY = "{\"hello\":\"world\"}";
  private static final long T = 1_700_000_000L;
  private static final Instant AT_T = Instant.ofEpochSecond(T);
  private final StripeWebhook webhook = new StripeWebhook(TestSetup.props(), TestSetup.context());

  @Test
  void acceptsTheDocumentedSignatureComputedWithOpenssl() {
    String openssl = "f592bbf3951cfc94e560eecfb5d9dd4da6b0fff2e626235f8ab4b54860925d0b";
    assertThat(rejection(() -> webhook.verify(sig("t=" + T + ",v1=" + openssl), utf8(BODY), AT_T)))
        .isNull();
  }

  @Test
  void anyMatchingV1IsEnoughAndV0IsIgnored() {
    String good = v1("whsec_test", T, BODY);
    String header = "t=" + T + ",v1=" + v1("whsec_old", T, BODY) + ",v1=" + good + ",v0=abc";
    assertThat(rejection(() -> webhook.verify(sig(header), utf8(BODY), AT_T))).isNull();
  }

  @Test
  void rejectsWrongSecretTamperedBodyMissingHeaderAndStaleTimestamp() {
    assertThat(code(sig("t=" + T + ",v1=" + v1("whsec_other", T, BODY)), BODY, AT_T))
        .isEqualTo("invalid_signature");
    assertThat(code(sig("t=" + T + ",v1=" + v1("whsec_test", T, BODY)), BODY + "\n", AT_T))
        .isEqualTo("invalid_signature");
    assertThat(code(headers(), BODY, AT_T)).isEqualTo("missing_signature");
    assertThat(code(sig("v1=" + v1("whsec_test", T, BODY)), BODY, AT_T))
        .isEqualTo("missing_signature");
    // A correctly signed delivery replayed later than the 300 s tolerance.
    String signed = "t=" + T + ",v1=" + v1("whsec_test", T, BODY);
    assertThat(code(sig(signed), BODY, AT_T.plusSeconds(301)))
        .isEqualTo("timestamp_outside_tolerance");
    assertThat(code(sig(signed), BODY, AT_T.plusSeconds(300))).isNull();
    // The timestamp is signed too: moving it breaks the signature.
    String moved = "t=" + (T + 100) + ",v1=" + v1("whsec_test", T, BODY);
    assertThat(code(sig(moved), BODY, AT_T.plusSeconds(100))).isEqualTo("invalid_signature");
  }

  @Test
  void mapsSubscriptionsInvoicesAndRefunds() {
    String yearly =
        event(
            "evt_1",
            "customer.subscription.created",
            """
            {"id":"sub_1","customer":"cus_1","status":"active","items":{"data":[{"quantity":2,
             "price":{"currency":"usd","unit_amount":6000,"recurring":{"interval":"year","interval_count":1}}}]}}""");
    Normalised n = webhook.normalise(utf8(yearly), AT_T);
    assertThat(n.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.SUBSCRIPTION_CREATED);
              assertThat(e.creatorId()).isEqualTo("creator-demo-1");
              EventPayload.Subscription s = (EventPayload.Subscription) e.payload();
              assertThat(s.monthlyAmount()).isEqualTo(new Money(1000, "USD"));
              assertThat(s.customerId()).isNotEqualTo("cus_1").isEqualTo(e.actorId());
            });
    String paid =
        event(
            "evt_2",
            "invoice.paid",
            "{\"id\":\"in_1\",\"customer\":\"cus_1\",\"amount_paid\":999,\"currency\":\"eur\","
                + "\"parent\":{\"subscription_details\":{\"subscription\":\"sub_9\"}}}");
    EventPayload.Payment payment =
        (EventPayload.Payment) webhook.normalise(utf8(paid), AT_T).events().get(0).payload();
    assertThat(payment).isEqualTo(new EventPayload.Payment("in_1", "sub_9", new Money(999, "EUR")));
    String refund =
        event(
            "evt_3",
            "charge.refunded",
            "{\"id\":\"ch_1\",\"amount\":999,\"amount_refunded\":500,\"currency\":\"usd\"}");
    assertThat(webhook.normalise(utf8(refund), AT_T).events().get(0).payload())
        .isEqualTo(new EventPayload.Refund("ch_1", new Money(500, "USD")));
  }

  @Test
  void unmappableEventsAreDeadLettersAndBrokenEnvelopesBadRequests() {
    assertThat(webhook.normalise(utf8(event("evt_4", "payout.paid", "{}")), AT_T).deadLetters())
        .extracting(d -> d.reason())
        .containsExactly("unsupported_event");
    assertThat(
            webhook
                .normalise(utf8(event("evt_5", "charge.refunded", "{\"id\":\"ch\"}")), AT_T)
                .deadLetters())
        .extracting(d -> d.reason())
        .containsExactly("invalid_item");
    String otherAccount = event("evt_6", "invoice.paid", "{}").replace("acct_demo1", "acct_zzz");
    assertThat(webhook.normalise(utf8(otherAccount), AT_T).deadLetters())
        .extracting(d -> d.reason())
        .containsExactly("unknown_account");
    assertThat(rejection(() -> webhook.normalise(utf8("{\"type\":\"x\"}"), AT_T)).code())
        .isEqualTo("invalid_payload");
  }

  @Test
  void redeliveryKeepsTheEventId() {
    String body =
        event(
            "evt_7",
            "charge.refunded",
            "{\"id\":\"ch\",\"amount_refunded\":1,\"currency\":\"usd\"}");
    assertThat(webhook.normalise(utf8(body), AT_T).events().get(0).eventId())
        .isEqualTo(webhook.normalise(utf8(body), AT_T.plusSeconds(3600)).events().get(0).eventId());
  }

  static String event(String id, String type, String object) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"event\",\"account\":\"acct_demo1\",\"created\":"
        + T
        + ",\"type\":\""
        + type
        + "\",\"data\":{\"object\":"
        + object
        + "}}";
  }

  private String code(HttpHeaders headers, String body, Instant now) {
    var e = rejection(() -> webhook.verify(headers, utf8(body), now));
    return e == null ? null : e.code();
  }

  private static String v1(String secret, long t, String body) {
    return hex(hmac("HmacSHA256", secret, t + "." + body));
  }

  private static HttpHeaders sig(String value) {
    return headers("Stripe-Signature", value);
  }
}
