package io.aegntic.studio.ingest.webhook.youtube;

import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.IsoInstants;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.ingest.webhook.Normalised;
import io.aegntic.studio.ingest.webhook.Texts;
import io.aegntic.studio.ingest.webhook.WebhookContext;
import io.aegntic.studio.ingest.webhook.WebhookException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Maps a WebSub Atom feed: each {@code entry} is a video published (or updated) by a channel. */
final class YouTubeNormaliser {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String YT = "http://www.youtube.com/xml/schemas/2015";
  private static final Platform YOUTUBE = Platform.YOUTUBE;

  private final WebhookContext context;

  YouTubeNormaliser(WebhookContext context) {
    this.context = context;
  }

  Normalised normalise(byte[] body, Instant receivedAt) {
    Element feed = parse(body).getDocumentElement();
    if (!"feed".equals(feed.getLocalName()) || !ATOM.equals(feed.getNamespaceURI())) {
      throw WebhookException.badRequest("invalid_payload", "expected an Atom feed");
    }
    Normalised.Builder out = new Normalised.Builder();
    if (feed.getElementsByTagNameNS("*", "deleted-entry").getLength() > 0) {
      out.deadLetter(
          context.deadLetter(YOUTUBE, "unsupported_event", "deleted-entry", body, receivedAt));
    }
    NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      String video = text(entry, YT, "videoId");
      String channel = text(entry, YT, "channelId");
      Optional<String> creator = context.creatorFor(YOUTUBE, channel);
      if (creator.isEmpty()) {
        out.deadLetter(
            context.deadLetter(YOUTUBE, "unknown_account", "channel not mapped", body, receivedAt));
        continue;
      }
      if (video == null) {
        out.deadLetter(
            context.deadLetter(YOUTUBE, "invalid_item", "entry without videoId", body, receivedAt));
        continue;
      }
      String title = text(entry, ATOM, "title");
      Instant published = time(text(entry, ATOM, "published"), receivedAt);
      out.event(
          StudioEvent.of(
              EventIds.of(YOUTUBE, "video", video),
              EventType.POST_PUBLISHED,
              YOUTUBE,
              creator.get(),
              video,
              null,
              published,
              receivedAt,
              new EventPayload.PostPublished(title, null, Texts.hashtags(title), link(entry))));
    }
    return out.build();
  }

  /**
   * A namespace-aware parser that refuses DTDs, so no entity or external reference is resolved.
   * Built once: {@code DocumentBuilderFactory.newInstance()} searches the class path for a provider
   * on every call (jar lookups showed in the ingest benchmark's steady-state profile).
   */
  private static final DocumentBuilderFactory SECURE_XML = secureFactory();

  /** A DocumentBuilder is not thread-safe: one per thread, reset after every parse. */
  private static final ThreadLocal<DocumentBuilder> BUILDERS =
      ThreadLocal.withInitial(YouTubeNormaliser::newBuilder);

  private static final DefaultHandler QUIET = new DefaultHandler();

  static Document parse(byte[] body) {
    DocumentBuilder builder = BUILDERS.get();
    try {
      builder.setErrorHandler(QUIET); // no stderr noise on malformed input
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException e) {
      throw WebhookException.badRequest("malformed_xml", "the body is not well-formed XML");
    } finally {
      builder.reset(); // back to the factory's (secure) configuration, whatever the outcome
    }
  }

  private static DocumentBuilderFactory secureFactory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser supports these features", e);
    }
  }

  private static DocumentBuilder newBuilder() {
    synchronized (SECURE_XML) { // the factory itself is not thread-safe either
      try {
        return SECURE_XML.newDocumentBuilder();
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException("the JDK's XML parser supports these features", e);
      }
    }
  }

  private static String text(Element parent, String ns, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && name.equals(e.getLocalName())
          && ns.equals(e.getNamespaceURI())) {
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
      }
    }
    return null;
  }

  private static String link(Element entry) {
    NodeList links = entry.getElementsByTagNameNS(ATOM, "link");
    for (int i = 0; i < links.getLength(); i++) {
      Element l = (Element) links.item(i);
      if ("alternate".equals(l.getAttribute("rel"))) {
        return l.getAttribute("href");
      }
    }
    return null;
  }

  private static Instant time(String value, Instant fallback) {
    if (value == null) {
      return fallback;
    }
    // YouTube writes UTC as +00:00, which the fast path reads; other offsets go to the JDK.
    Instant utc = IsoInstants.parseUtc(value);
    if (utc != null) {
      return utc;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
