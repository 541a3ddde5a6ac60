// Starts Bluesky's reference PDS (and a PLC directory) on loopback for CM Desktop's integration tests.
//
//   node start.mjs [--pds-port N] [--plc-port N] [--dir DIR] [--rate-limits] [--exit-with-stdin]
//
// Environment equivalents: PDS_PORT, PLC_PORT, CM_PDS_DIR, CM_PDS_RATE_LIMITS=1. Port 0 (the default)
// picks a free port. Prints ONE JSON line on stdout once both servers answer, for example
//   {"ready":true,"pds":"http://localhost:50123","plc":"http://localhost:50122",...}
// then runs until SIGTERM/SIGINT (or, with --exit-with-stdin, until stdin closes: the test runner died).

import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
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
const dataDirectory = path.join(baseDir, 'data')
const blobstoreDiskLocation = path.join(baseDir, 'blobs')
fs.mkdirSync(dataDirectory, { recursive: true })
fs.mkdirSync(blobstoreDiskLocation, { recursive: true })

// Imported only now, after the listen wrapper is installed.
const { TestNetworkNoAppView } = await import('@atproto/dev-env')

const network = await TestNetworkNoAppView.create({
  plc: { port: plcPort },
  pds: {
    port: pdsPort,
    hostname: 'localhost',
    dataDirectory,
    blobstoreDiskLocation,
    rateLimitsEnabled,
  },
})

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
if (values['exit-with-stdin']) {
  process.stdin.on('end', () => shutdown('stdin closed'))
  process.stdin.on('error', () => shutdown('stdin error'))
  process.stdin.resume()
}

process.stdout.write(
  JSON.stringify({
    ready: true,
    pds: network.pds.url,
    plc: network.plc.url,
    pdsPort: network.pds.port,
    plcPort: network.plc.port,
    rateLimits: rateLimitsEnabled,
    dir: baseDir,
    pid: process.pid,
  }) + '\n',
)
