// What the networks' own libraries say about texts: X's twitter-text and Bluesky's RichText (@atproto/api).
//
// Protocol: each line on stdin is a JSON list of items {"text": ..., "bsky": ...}; for each line, one line on
// stdout holds a JSON list of answers in the same order. "bsky" (optional) is the text as sent to Bluesky (our
// NFC); "text" is used when it is absent. Kept running for a whole test session, so Node starts once.
//
// Indices: twitter-text's entity indices are converted to code point offsets (as ours are); parseTweet's
// ranges stay UTF-16 (as twitter-text gives them); Bluesky facets are UTF-8 byte offsets.

import { createInterface } from 'node:readline'
import { RichText } from '@atproto/api'
import twitter from 'twitter-text'
import { parse as parseEmoji } from 'twemoji-parser'

// UTF-16 index -> code point index, for a few indices of one text.
function codePointIndex(text, utf16) {
  let points = 0
  for (let i = 0; i < utf16; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0xd800 || unit > 0xdbff || i + 1 >= utf16) points++
    else {
      const next = text.charCodeAt(i + 1)
      points++
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
  }
  return points
}

function span(text, indices) {
  return [codePointIndex(text, indices[0]), codePointIndex(text, indices[1])]
}

function entityOf(text, e) {
  const [start, end] = span(text, e.indices)
  if (e.url !== undefined) return { kind: 'url', start, end, value: e.url }
  if (e.hashtag !== undefined) return { kind: 'hashtag', start, end, value: e.hashtag }
  if (e.cashtag !== undefined) return { kind: 'cashtag', start, end, value: e.cashtag }
  return { kind: 'mention', start, end, value: e.screenName + (e.listSlug || '') }
}

function x(text) {
  const parsed = twitter.parseTweet(text)
  const normalized = text.normalize()
  return {
    weightedLength: parsed.weightedLength,
    valid: parsed.valid,
    permillage: parsed.permillage,
    displayRangeStart: parsed.displayRangeStart,
    displayRangeEnd: parsed.displayRangeEnd,
    validRangeStart: parsed.validRangeStart,
    validRangeEnd: parsed.validRangeEnd,
    entities: twitter.extractEntitiesWithIndices(text).map((e) => entityOf(text, e)),
    urls: twitter.extractUrlsWithIndices(text).map((e) => entityOf(text, e)),
    hashtags: twitter.extractHashtagsWithIndices(text).map((e) => entityOf(text, e)),
    // The emoji twitter-text discounts (twemoji-parser), in code points of the NFC text it counts.
    emoji: parseEmoji(normalized).map((e) => span(normalized, e.indices)),
    // The emoji sequences Unicode recommends today (RGI_Emoji, Node's Unicode data), for the same text.
    rgiEmoji: [...normalized.matchAll(/\p{RGI_Emoji}/gv)].map((m) =>
      span(normalized, [m.index, m.index + m[0].length]),
    ),
  }
}

function featureOf(feature) {
  const type = feature.$type.split('#')[1]
  if (type === 'link') return { kind: 'link', value: feature.uri }
  if (type === 'tag') return { kind: 'tag', value: feature.tag }
  return { kind: type, value: feature.did } // a mention: the handle, before any resolution
}

function bluesky(text) {
  const rt = new RichText({ text })
  rt.detectFacetsWithoutResolution()
  const facets = (rt.facets || []).flatMap((f) =>
    f.features.map((feature) => ({
      byteStart: f.index.byteStart,
      byteEnd: f.index.byteEnd,
      ...featureOf(feature),
    })),
  )
  return { facets, graphemes: rt.graphemeLength, bytes: rt.length }
}

function answer(item) {
  try {
    return { x: x(item.text), bluesky: bluesky(item.bsky ?? item.text) }
  } catch (err) {
    return { error: String(err && err.stack ? err.stack : err) }
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const line of lines) {
  if (!line.trim()) continue
  process.stdout.write(JSON.stringify(JSON.parse(line).map(answer)) + '\n')
}
