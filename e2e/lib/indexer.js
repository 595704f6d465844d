// Starts the auditors' indexer (indexer/bin/serve.js: SubQuery's indexer and GraphQL service)
// against a test node, on a PostgreSQL server of its own (scripts/postgres.sh), and reads it
// over GraphQL as an auditor does.

import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, keepLogs, waitFor } from './node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Starts a PostgreSQL server on a free port of 127.0.0.1 with its data in a new temporary
 * directory; `stop()` stops it and removes the directory.
 */
export async function startPostgres() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seoul-pg-'));
  const port = await freePort();
  const script = path.join(repoRoot, 'scripts/postgres.sh');
  await promisify(execFile)(script, ['start', dir, String(port)]);
  return {
    port,
    async stop() {
      await promisify(execFile)(script, ['stop', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the indexer for `node` on `postgres`, in the database schema `schema`, and waits until
 * its GraphQL service answers. `indexer.query(text)` runs a GraphQL query and resolves to its
 * data (rejecting with its errors); `stop()` stops it as an operator does (SIGTERM), `kill()` as
 * a crash does (SIGKILL to it and its services).
 */
export async function startIndexer(node, postgres, { schema = 'seoul', name = 'indexer' } = {}) {
  const graphqlPort = await freePort();
  const adminPort = await freePort();
  // Its own process group, so that a crash can take its two services down with it.
  const child = spawn(process.execPath, [
    path.join(repoRoot, 'indexer/bin/serve.js'), '--ws', node.url, '--db-port', String(postgres.port),
    '--db-schema', schema, '--graphql-port', String(graphqlPort), '--admin-port', String(adminPort),
  ], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logs = keepLogs(name, [child.stdout, child.stderr], 200);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${graphqlPort}/`;
  async function query(text) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: text }),
    });
    const { data, errors } = await response.json();
    if (errors) throw new Error(`GraphQL: ${errors.map((error) => error.message).join('; ')}`);
    return data;
  }
  const running = () => child.exitCode === null && child.signalCode === null;
  const indexer = {
    url,
    logs,
    query,
    /** The last block the indexer wrote (0 before the first). */
    async lastProcessedHeight() {
      return (await query('{ _metadata { lastProcessedHeight } }'))._metadata.lastProcessedHeight ?? 0;
    },
    async stop() {
      if (running()) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (running()) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
  try {
    const died = exited.then(({ code, signal }) => { throw new Error(`${name} exited with ${code ?? signal}`); });
    died.catch(() => {});
    await Promise.race([
      waitFor(() => indexer.lastProcessedHeight().then(() => true), { timeoutMs: 120_000, what: `${name}'s GraphQL` }),
      died,
    ]);
  } catch (error) {
    await indexer.kill();
    throw new Error(`${error.message}\n${logs.slice(-30).join('\n')}`);
  }
  return indexer;
}
