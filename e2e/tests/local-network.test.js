// The 4-validator local network: every validator authors, finality survives a stopped validator,
// a restarted validator catches up, and a node the city did not authorise never gets a peer.
// Also checks scripts/local-testnet.sh starts the network and leaves no process behind.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  LOCAL_VALIDATORS, connect, finalizedNumber, freePort, rpc, startNode, waitFor,
} from '../lib/node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function validatorArgs(validator, bootnodes) {
  return ['--chain', 'local', `--${validator.name}`, '--node-key', validator.nodeKey, ...bootnodes.flatMap((address) => ['--bootnodes', address])];
}

describe('four-validator local network', () => {
  const nodes = {};
  let bootnodes;
  let api;

  before(async () => {
    const ports = await Promise.all(LOCAL_VALIDATORS.map(() => freePort()));
    bootnodes = LOCAL_VALIDATORS.map((v, i) => `/ip4/127.0.0.1/tcp/${ports[i]}/p2p/${v.peerId}`);
    await Promise.all(LOCAL_VALIDATORS.map(async (validator, i) => {
      nodes[validator.name] = await startNode(validatorArgs(validator, bootnodes), { name: validator.name, p2pPort: ports[i] });
    }));
    api = await connect(nodes.alice);
  });

  after(async () => {
    await api?.disconnect();
    await Promise.all(Object.values(nodes).map((node) => node.stop()));
  });

  test('all four validators author blocks and finality advances', async () => {
    const authors = new Set();
    const unsubscribe = await api.derive.chain.subscribeNewHeads((header) => {
      if (header.author) authors.add(header.author.toString());
    });
    try {
      await waitFor(() => authors.size === 4, { timeoutMs: 120_000, what: 'blocks by all four validators' });
    } finally {
      unsubscribe();
    }
    const validators = (await api.query.session.validators()).map((v) => v.toString());
    assert.deepEqual([...authors].sort(), [...validators].sort());
    await waitFor(async () => (await finalizedNumber(api)) >= 3, { timeoutMs: 60_000, what: 'block #3 finalised' });
  });

  test('finality keeps advancing with one validator stopped', async () => {
    await nodes.dave.stop({ keepBasePath: true });
    const from = await finalizedNumber(api);
    await waitFor(async () => (await finalizedNumber(api)) >= from + 3, { timeoutMs: 90_000, what: `finality past #${from + 3} without Dave` });
  });

  test('a restarted validator catches up', async () => {
    const { basePath, p2pPort } = nodes.dave;
    nodes.dave = await startNode(validatorArgs(LOCAL_VALIDATORS[3], bootnodes), { name: 'dave', basePath, p2pPort });
    const target = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitFor(async () => {
      const header = await rpc(nodes.dave.rpcPort, 'chain_getHeader');
      return parseInt(header.number, 16) >= target;
    }, { timeoutMs: 90_000, what: `Dave at #${target}` });
    const health = await rpc(nodes.dave.rpcPort, 'system_health');
    assert.ok(health.peers >= 1, 'Dave has peers again');
    rmSync(basePath, { recursive: true, force: true });
  });

  test('a node whose PeerId the city did not authorise never gets a peer', async () => {
    const intruder = await startNode(['--chain', 'local', ...bootnodes.flatMap((a) => ['--bootnodes', a])], { name: 'intruder' });
    try {
      let mostPeers = 0;
      for (let second = 0; second < 30; second += 2) {
        mostPeers = Math.max(mostPeers, (await rpc(intruder.rpcPort, 'system_health')).peers);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      assert.equal(mostPeers, 0);
      const best = await rpc(intruder.rpcPort, 'chain_getHeader');
      assert.equal(parseInt(best.number, 16), 0, 'the intruder synced nothing');
      const peersOfAlice = await rpc(nodes.alice.rpcPort, 'system_health');
      assert.equal(peersOfAlice.peers, 3, 'Alice talks to the three other validators only');
    } finally {
      await intruder.stop();
    }
  });
});

describe('scripts/local-testnet.sh', () => {
  test('starts the network, waits for finality and stops every node on SIGTERM', async () => {
    const baseDir = mkdtempSync(path.join(os.tmpdir(), 'seoul-script-'));
    const [p2p, rpcPort, prometheus] = [30800 + Math.floor(Math.random() * 500), 10800 + Math.floor(Math.random() * 500), 20800 + Math.floor(Math.random() * 500)];
    const script = spawn(path.join(repoRoot, 'scripts/local-testnet.sh'), [], {
      env: { ...process.env, SKIP_BUILD: '1', BASE_DIR: baseDir, P2P_PORT: String(p2p), RPC_PORT: String(rpcPort), PROMETHEUS_PORT: String(prometheus) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    script.stdout.on('data', (chunk) => { output += chunk; });
    script.stderr.on('data', (chunk) => { output += chunk; });
    const exited = new Promise((resolve) => script.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      await waitFor(() => output.includes('finalised'), { timeoutMs: 180_000, what: "the script's endpoints" })
        .catch((error) => { throw new Error(`${error.message}\n${output}`); });
      for (let i = 0; i < 4; i++) assert.match(output, new RegExp(`ws://127\\.0\\.0\\.1:${rpcPort + i}`));
      script.kill('SIGTERM');
      const { code } = await exited;
      assert.equal(code, 143);
      const survivors = execFileSync('ps', ['-eo', 'args']).toString().split('\n').filter((line) => line.includes(baseDir));
      assert.deepEqual(survivors, []);
    } finally {
      script.kill('SIGKILL');
      rmSync(baseDir, { recursive: true, force: true });
    }
  });
});
