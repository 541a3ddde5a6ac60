// Writes cm_desktop/core/rules/data/x_emoji.txt: every emoji sequence of two or more code points that X counts
// as one emoji (weight 2): those twitter-text 3.1.0 knows (its twemoji-parser 11.0.2) and every sequence that
// Unicode recommends today (RGI_Emoji, from Node's own Unicode data).
//
// Candidates come from emojibase-data (every emoji, skin tone and presentation form), plus every keycap,
// flag pair, modifier pair and presentation pair built here; each is kept when Node's /\p{RGI_Emoji}/v or
// twemoji-parser matches it whole. Run with Node >= 20 (v flag), from tests/peers/oracle (for twemoji-parser),
// with emojibase-data installed in a temporary folder given as the first argument:
//   npm install --prefix /tmp/emojibase emojibase-data@17.0.0
//   (cd tests/peers/oracle && node ../../../scripts/make_x_emoji.mjs /tmp/emojibase)

import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(join(process.cwd(), 'package.json'))
const { parse } = require('twemoji-parser')
const emojibase = JSON.parse(
  readFileSync(join(process.argv[2], 'node_modules/emojibase-data/en/data.json'), 'utf8'),
)

const candidates = new Set()
const add = (s) => {
  candidates.add(s)
  // The same sequence with some or all of its U+FE0F left out (people's keyboards differ).
  const parts = s.split('\ufe0f')
  if (parts.length > 1 && parts.length <= 5) {
    for (let mask = 0; mask < 1 << (parts.length - 1); mask++) {
      let out = parts[0]
      for (let i = 1; i < parts.length; i++) out += (mask & (1 << (i - 1)) ? '\ufe0f' : '') + parts[i]
      candidates.add(out)
    }
  }
}
for (const e of emojibase) {
  add(e.emoji)
  if (e.text) add(e.text)
  for (const skin of e.skins || []) add(skin.emoji)
}
const modifiers = ['\u{1f3fb}', '\u{1f3fc}', '\u{1f3fd}', '\u{1f3fe}', '\u{1f3ff}']
for (let cp = 0; cp < 0x110000; cp++) {
  if (cp >= 0xd800 && cp < 0xe000) continue
  const c = String.fromCodePoint(cp)
  if (!/\p{Emoji}/u.test(c)) continue
  add(c + '\ufe0f')
  if (/\p{Emoji_Modifier_Base}/u.test(c)) for (const m of modifiers) add(c + m)
}
for (const k of '#*0123456789') {
  add(k + '\u20e3')
  add(k + '\ufe0f\u20e3')
}
for (let a = 0x1f1e6; a <= 0x1f1ff; a++) {
  for (let b = 0x1f1e6; b <= 0x1f1ff; b++) add(String.fromCodePoint(a, b))
}

const rgi = /^\p{RGI_Emoji}$/v
const twemojiWhole = (s) => {
  const found = parse(s)
  return found.length === 1 && found[0].indices[0] === 0 && found[0].indices[1] === s.length
}
const kept = [...candidates]
  .filter((s) => [...s].length >= 2 && (rgi.test(s) || twemojiWhole(s)))
  .map((s) => [...s].map((c) => c.codePointAt(0).toString(16).toUpperCase()).join(' '))
  .sort()

const header = [
  '# Emoji sequences (two or more code points) that X counts as one emoji, weight 2: those twitter-text 3.1.0',
  '# knows (twemoji-parser 11.0.2) and every RGI emoji sequence of Unicode ' + process.versions.unicode + ' (as in Node ' + process.version + ').',
  '# Code points in hexadecimal, one sequence a line. Made by scripts/make_x_emoji.mjs; data from Unicode, Inc.',
  '# (Unicode License v3, https://www.unicode.org/license.txt) and twemoji-parser (MIT, Twitter, Inc.).',
]
writeFileSync(
  join(process.cwd(), '../../../cm_desktop/core/rules/data/x_emoji.txt'),
  header.concat(kept).join('\n') + '\n',
)
console.log(`${kept.length} sequences from ${candidates.size} candidates`)
