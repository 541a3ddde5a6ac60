// Starts Bluesky's reference PDS (and a PLC directory) on loopback for CM Desktop's integration tests,
// optionally with Bluesky's AppView (and the Ozone moderation service dev-env wires to it).
//
//   node start.mjs [--pds-port N] [--plc-port N] [--dir DIR] [--rate-limits] [--exit-with-stdin]
//                  [--appview --pg-url URL --pg-schema NAME]   (and REDIS_HOST=127.0.0.1:PORT)
//
// Environment equivalents: PDS_PORT, PLC_PORT, CM_PDS_DIR, CM_PDS_RATE_LIMITS=1, DB_POSTGRES_URL,
// DB_POSTGRES_SCHEMA. Port 0 (the default) picks a free port. PostgreSQL and Redis are not started here:
// the caller owns them. Prints ONE JSON line on stdout once the servers answer, for example
//   {"ready":true,"pds":"http://localhost:50123","plc":"http://localhost:50122","appview":null,...}
// then runs until SIGTERM/SIGINT (or, with --exit-with-stdin, until stdin closes: the test runner died).
//
// With --exit-with-stdin, stdin is also a control channel: one JSON command per line, one JSON answer
// per line on stdout with the same id. The only command:
//   {"id":1,"op":"processAll"}  ->  {"id":1,"ok":true}   (or {"id":1,"ok":false,"error":"..."})
// processAll waits until the PDS's background queue is empty and the AppView has indexed every write.

import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { parseArgs } from 'node:util'

const LOOPBACK = '127.0.0.1'

// The dev servers listen on every interface by default; a test peer must never be reachable from the
// network, so every net.Server (express, PLC, PDS, port probes) is forced onto loopback.
const originalListen = net.Server.prototype.listen
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    if (first.path === undefined && first.handle === undefined && first.fd === undefined) {
      args[0] = { ...first, host: LOOPBACK }
    }
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback]): drop any given host, put ours.
    const rest = args.slice(1)
    if (typeof rest[0] === 'string') rest.shift()
    args = [Number(first), LOOPBACK, ...rest]
  } else if (first === undefined || typeof first === 'function') {
    args = [0, LOOPBACK, ...args]
  }
  // A non-numeric string is a Unix socket path: nothing to change.
  return originalListen.apply(this, args)
}

const { values } = parseArgs({
  options: {
    'pds-port': { type: 'string' },
    'plc-port': { type: 'string' },
    dir: { type: 'string' },
    'rate-limits': { type: 'boolean', default: false },
    'exit-with-stdin': { type: 'boolean', default: false },
    appview: { type: 'boolean', default: false },
    'pg-url': { type: 'string' },
    'pg-schema': { type: 'string' },
  },
})

const truthy = (v) => ['1', 'true', 'yes', 'on'].includes(String(v ?? '').toLowerCase())

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

async function portFrom(value) {
  const port = Number(value ?? 0)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port: ${value}`)
  return port === 0 ? freePort() : port
}

const baseDir = path.resolve(
  values.dir ?? process.env.CM_PDS_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cm-pds-')),
)
const tmpDir = path.join(baseDir, 'tmp')
fs.mkdirSync(tmpDir, { recursive: true })
// dev-env puts its own leftovers under os.tmpdir(), which reads TMPDIR at each call: keep them in our dir.
process.env.TMPDIR = tmpDir

const rateLimitsEnabled = values['rate-limits'] || truthy(process.env.CM_PDS_RATE_LIMITS)
const plcPort = await portFrom(values['plc-port'] ?? process.env.PLC_PORT)
const pdsPort = await portFrom(values['pds-port'] ?? process.env.PDS_PORT)
const pdsParams = { port: pdsPort, hostname: 'localhost', rateLimitsEnabled }
if (!values.appview) {
  // Named folders for the PDS alone. TestNetwork also starts a short-lived second PDS with the same
  // params: shared folders would give it the main PDS's accounts, so there dev-env picks them in TMPDIR.
  pdsParams.dataDirectory = path.join(baseDir, 'data')
  pdsParams.blobstoreDiskLocation = path.join(baseDir, 'blobs')
  fs.mkdirSync(pdsParams.dataDirectory, { recursive: true })
  fs.mkdirSync(pdsParams.blobstoreDiskLocation, { recursive: true })
}

// Imported only now, after the listen wrapper is installed.
const { TestNetwork, TestNetworkNoAppView } = await import('@atproto/dev-env')

let network
if (values.appview) {
  const dbPostgresUrl = values['pg-url'] ?? process.env.DB_POSTGRES_URL
  const dbPostgresSchema = values['pg-schema'] ?? process.env.DB_POSTGRES_SCHEMA
  if (!dbPostgresUrl || !process.env.REDIS_HOST) {
    throw new Error('--appview needs --pg-url (or DB_POSTGRES_URL) and REDIS_HOST')
  }
  // dev-env prefixes it (appview_, ozone_) and Postgres takes it unquoted: letters and underscores only.
  if (!/^[A-Za-z_]+$/.test(dbPostgresSchema ?? '')) {
    throw new Error(`--pg-schema must match [A-Za-z_]+, got ${JSON.stringify(dbPostgresSchema)}`)
  }
  network = await TestNetwork.create({
    dbPostgresUrl,
    dbPostgresSchema,
    plc: { port: plcPort },
    pds: pdsParams,
  })
} else {
  network = await TestNetworkNoAppView.create({ plc: { port: plcPort }, pds: pdsParams })
}

let closing = false
async function shutdown(reason) {
  if (closing) return
  closing = true
  const killer = setTimeout(() => process.exit(1), 10_000)
  killer.unref()
  try {
    await network.close()
  } catch (err) {
    console.error(`close failed (${reason}):`, err)
    process.exit(1)
  }
  process.exit(0)
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))

const answer = (reply) => process.stdout.write(JSON.stringify(reply) + '\n')

async function control(line) {
  let command
  try {
    command = JSON.parse(line)
  } catch {
    return // not a command (a stray newline): nothing to answer
  }
  const id = command?.id ?? null
  try {
    if (command?.op !== 'processAll') throw new Error(`unknown op: ${JSON.stringify(command?.op)}`)
    await network.processAll()
    answer({ id, ok: true })
  } catch (err) {
    answer({ id, ok: false, error: String(err?.stack ?? err) })
  }
}

if (values['exit-with-stdin']) {
  process.stdin.on('error', () => shutdown('stdin error'))
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  lines.on('line', (line) => {
    if (!closing && line.trim()) control(line)
  })
  lines.on('close', () => shutdown('stdin closed'))
}

process.stdout.write(
  JSON.stringify({
    ready: true,
    pds: network.pds.url,
    plc: network.plc.url,
    appview: network.bsky?.url ?? null,
    appviewDid: network.bsky?.serverDid ?? null,
    pdsPort: network.pds.port,
    plcPort: network.plc.port,
    rateLimits: rateLimitsEnabled,
    dir: baseDir,
    pid: process.pid,
  }) + '\n',
)
