// Platform text limits shown in the content studio preview; the same numbers serving's
// PlatformLimits enforces on save (hashtags: Instagram 30, X 10, others 30 by default).

export const PLATFORMS = {
  x: { label: "X", maxChars: 280, maxHashtags: 10 },
  linkedin: { label: "LinkedIn", maxChars: 3000, maxHashtags: 30 },
  instagram: { label: "Instagram", maxChars: 2200, maxHashtags: 30 },
  tiktok: { label: "TikTok", maxChars: 2200, maxHashtags: 30 },
  youtube: { label: "YouTube", maxChars: 5000, maxHashtags: 30 },
  facebook: { label: "Facebook", maxChars: 63206, maxHashtags: 30 },
};

const HASHTAG = /#[\p{L}\p{N}_]+/gu;

/** Characters as people count them (code points, so an emoji is one). */
export function charCount(text) {
  return Array.from(text || "").length;
}

export function hashtags(text) {
  return (text || "").match(HASHTAG) || [];
}

/**
 * Checks a draft against a platform's limits.
 * Returns { chars, maxChars, hashtags, maxHashtags, problems: [string], ok }.
 */
export function checkDraft(text, platform) {
  const spec = PLATFORMS[platform] || { label: platform, maxChars: null, maxHashtags: null };
  const chars = charCount(text);
  const tags = hashtags(text).length;
  const problems = [];
  if (spec.maxChars && chars > spec.maxChars) {
    problems.push(`${chars - spec.maxChars} characters over ${spec.label}'s ${spec.maxChars.toLocaleString("en")} limit`);
  }
  if (spec.maxHashtags && tags > spec.maxHashtags) {
    problems.push(`${tags - spec.maxHashtags} hashtags over ${spec.label}'s ${spec.maxHashtags} limit`);
  }
  if (!chars) problems.push("The draft is empty");
  return {
    chars,
    maxChars: spec.maxChars,
    hashtags: tags,
    maxHashtags: spec.maxHashtags,
    problems,
    ok: problems.length === 0,
  };
}
