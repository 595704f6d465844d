#!/usr/bin/env node
// Runs the auditors' indexer against a Seoul node: SubQuery's indexer (finalised blocks into
// PostgreSQL) and its GraphQL service (filters and sums), until stopped. The node must keep the
// state of every block still to index: an archive node, or one run with
// `--state-pruning archive-canonical`. `scripts/indexer.sh` starts a node and PostgreSQL with it.
//
//   node indexer/bin/serve.js --ws URL [--db-port 5432] [--db-schema seoul]
//                              [--graphql-port 3000] [--admin-port 3100]
//
// The database comes from the environment as SubQuery reads it (DB_HOST, DB_PORT, DB_USER,
// DB_PASS, DB_DATABASE); the flags set the port and schema. Exits 2 on a bad command line, 1
// when the node cannot be read or a service stops on its own.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const ROOT = path.resolve(__dirname, '..');

const usage = 'usage: serve.js --ws URL [--db-port N] [--db-schema NAME] [--graphql-port N] [--admin-port N]';

function fail(message, code) {
  console.error(`serve.js: ${message}`);
  process.exit(code);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        ws: { type: 'string' },
        'db-port': { type: 'string', default: process.env.DB_PORT ?? '5432' },
        'db-schema': { type: 'string', default: 'seoul' },
        'graphql-port': { type: 'string', default: '3000' },
        'admin-port': { type: 'string', default: '3100' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${error.message}\n${usage}`, 2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!values.ws || !/^wss?:\/\//.test(values.ws)) fail(`--ws must be a ws:// or wss:// URL\n${usage}`, 2);
  for (const name of ['db-port', 'graphql-port', 'admin-port']) {
    const port = Number(values[name]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--${name} must be a port number, not ${values[name]}`, 2);
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(values['db-schema'])) fail('--db-schema must be a lower-case SQL name', 2);
  return values;
}

/** Calls `method` of the node's JSON-RPC over HTTP (the port of its WebSocket RPC serves both). */
async function nodeRpc(ws, method, params = []) {
  const url = ws.replace(/^ws/, 'http');
  let answer;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
    });
    answer = await response.json();
  } catch (error) {
    fail(`cannot read the node at ${url}: ${error.message}`, 1);
  }
  if (answer.error) fail(`the node at ${url} refused ${method}: ${JSON.stringify(answer.error)}`, 1);
  return answer.result;
}

/**
 * Resolves once the node has finalised a block past genesis: SubQuery dates every block by its
 * timestamp extrinsic, which the genesis block lacks, and will not start from it.
 */
async function firstBlockFinalised(ws) {
  for (let waited = 0; ; waited += 1) {
    const header = await nodeRpc(ws, 'chain_getHeader', [await nodeRpc(ws, 'chain_getFinalizedHead')]);
    if (parseInt(header.number, 16) > 0) return;
    if (waited === 0) console.error('serve.js: waiting for the node to finalise its first block');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** The project in a directory of its own: the manifest filled in, beside the schema and mapping. */
function renderProject(ws, genesis) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seoul-indexer-'));
  const manifest = fs.readFileSync(path.join(ROOT, 'project.template.yaml'), 'utf8')
    .replace('${GENESIS_HASH}', genesis)
    .replace('${ENDPOINT}', ws);
  fs.writeFileSync(path.join(dir, 'project.yaml'), manifest);
  fs.copyFileSync(path.join(ROOT, 'schema.graphql'), path.join(dir, 'schema.graphql'));
  fs.copyFileSync(path.join(ROOT, 'src/mappings.js'), path.join(dir, 'mappings.js'));
  return dir;
}

async function main() {
  const opts = options();
  const genesis = await nodeRpc(opts.ws, 'chain_getBlockHash', [0]);
  await firstBlockFinalised(opts.ws);
  const project = renderProject(opts.ws, genesis);
  const env = {
    ...process.env,
    DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
    DB_PORT: opts['db-port'],
    DB_USER: process.env.DB_USER ?? 'postgres',
    DB_PASS: process.env.DB_PASS ?? 'postgres',
    DB_DATABASE: process.env.DB_DATABASE ?? 'postgres',
    // No call out to the internet: no update check, no dictionary (below), no GraphQL playground.
    NO_UPDATE_NOTIFIER: '1',
    // SubQuery refuses any other zone; the rows' `day` is Korean whatever the zone.
    TZ: 'UTC',
  };
  const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
  const services = [spawn(bin('subql-node'), [
    '--subquery', project,
    `--db-schema=${opts['db-schema']}`,
    '--unfinalized-blocks=false',
    '--dictionary-registry=http://127.0.0.1:9/',
    '--batch-size=20',
    `--port=${opts['admin-port']}`,
  ], { env, stdio: 'inherit' })];
  let stopping = false;
  const stop = (code) => {
    if (!stopping) {
      stopping = true;
      for (const service of services) if (service.exitCode === null) service.kill('SIGTERM');
    }
    Promise.all(services.map((service) => (service.exitCode === null && service.signalCode === null
      ? new Promise((resolve) => service.once('exit', resolve)) : null)))
      .then(() => {
        fs.rmSync(project, { recursive: true, force: true });
        process.exit(code);
      });
  };
  const watch = (service) => service.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`serve.js: ${path.basename(service.spawnargs[0])} stopped (${code ?? signal}); stopping`);
      stop(1);
    }
  });
  watch(services[0]);
  process.once('SIGTERM', () => stop(0));
  process.once('SIGINT', () => stop(0));
  // The query service reads the tables the indexer creates, so it starts once they exist.
  await indexerReady(opts['admin-port'], () => stopping);
  if (stopping) return;
  const query = spawn(bin('subql-query'), [
    `--name=${opts['db-schema']}`,
    `--port=${opts['graphql-port']}`,
    `--indexer=http://127.0.0.1:${opts['admin-port']}`,
  ], { env, stdio: 'inherit' });
  services.push(query);
  watch(query);
  console.error(`serve.js: GraphQL at http://127.0.0.1:${opts['graphql-port']}/ for ${opts.ws}`);
}

/** Resolves once the indexer's tables exist (its `/ready` answers 200), or when `stopped()`. */
async function indexerReady(adminPort, stopped) {
  while (!stopped()) {
    try {
      if ((await fetch(`http://127.0.0.1:${adminPort}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main();
