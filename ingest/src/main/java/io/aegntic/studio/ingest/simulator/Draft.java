package io.aegntic.studio.ingest.simulator;

/**
 * One webhook delivery before signing: the platform path ({@code /webhooks/{platform}}), its
 * content type, the exact body bytes, and the creator it concerns. Signed anew on every attempt, as
 * the platforms do.
 */
public record Draft(String platform, String contentType, byte[] body, String creatorId) {}
