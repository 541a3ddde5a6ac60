// Writes cm_desktop/core/rules/data/twitter_text_hashtag.txt: the code points twitter-text 3.1.0 takes as
// hashtag letters (hashtagAlpha) and as hashtag letters or digits (hashtagAlphaNumeric), as ranges. Its tables
// were generated from an older Unicode than ours, so "\p{L}" would take ~56,000 more code points (CJK
// extensions, Tangut...) than X's own library does. Run from tests/peers/oracle:
//   (cd tests/peers/oracle && node ../../../scripts/make_hashtag_letters.mjs)

import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(join(process.cwd(), 'package.json'))
const alpha = require('twitter-text/dist/regexp/hashtagAlpha.js')
const alphaNumeric = require('twitter-text/dist/regexp/hashtagAlphaNumeric.js')

function ranges(source) {
  const whole = new RegExp(`^(?:${source})$`, "i") // validHashtag is case-insensitive
  const out = []
  let start = -1
  for (let cp = 0; cp <= 0x110000; cp++) {
    const inside = cp < 0x110000 && !(cp >= 0xd800 && cp < 0xe000) && whole.test(String.fromCodePoint(cp))
    if (inside && start < 0) start = cp
    if (!inside && start >= 0) {
      const hex = (n) => n.toString(16).toUpperCase().padStart(4, '0')
      out.push(start === cp - 1 ? hex(start) : `${hex(start)}-${hex(cp - 1)}`)
      start = -1
    }
  }
  return out
}

const lines = [
  '# Hashtag characters of twitter-text 3.1.0 (hashtagAlpha, hashtagAlphaNumeric), as code point ranges.',
  '# Copyright 2018 Twitter, Inc. Licensed under the Apache License, Version 2.0',
  '# (https://www.apache.org/licenses/LICENSE-2.0). Made by scripts/make_hashtag_letters.mjs.',
  '[alpha]',
  ...ranges(alpha.source),
  '[alphanumeric]',
  ...ranges(alphaNumeric.source),
]
writeFileSync(join(process.cwd(), '../../../cm_desktop/core/rules/data/twitter_text_hashtag.txt'), lines.join('\n') + '\n')
console.log(`${lines.length} lines`)
