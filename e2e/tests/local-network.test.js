// The 4-validator local network: every validator authors, finality survives a stopped validator,
// a restarted validator catches up, and a node the city did not authorise never gets a peer, not
// even from a full node of the city's, which enforces the list like the validators.
// Also checks scripts/local-testnet.sh starts the network and leaves no process behind.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { base58Encode, cryptoWaitReady, ed25519PairFromSeed } from '@polkadot/util-crypto';
import {
  connect, finalizedNumber, rpc, startLocalNetwork, startNode, sudo, waitFor,
} from '../lib/node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The libp2p PeerId of the ed25519 node key `hex`: an identity multihash of its protobuf public key. */
function peerIdOf(hex) {
  const { publicKey } = ed25519PairFromSeed(Uint8Array.from(Buffer.from(hex, 'hex')));
  return u8aConcat([0x00, 0x24, 0x08, 0x01, 0x12, 0x20], publicKey);
}

/** Polls `node` for 30 seconds and returns the most peers it had and its best block number. */
async function isolation(node) {
  let mostPeers = 0;
  for (let second = 0; second < 30; second += 2) {
    mostPeers = Math.max(mostPeers, (await rpc(node.rpcPort, 'system_health')).peers);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const best = await rpc(node.rpcPort, 'chain_getHeader');
  return { mostPeers, best: parseInt(best.number, 16) };
}

describe('four-validator local network', () => {
  const nodes = {};
  let bootnodes;
  let api;

  before(async () => {
    const network = await startLocalNetwork({ name: 'local-network' });
    Object.assign(nodes, network.nodes);
    ({ bootnodes } = network);
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
    const { args, basePath, p2pPort } = nodes.dave;
    nodes.dave = await startNode(args, { name: 'local-network-dave', basePath, p2pPort });
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
      const { mostPeers, best } = await isolation(intruder);
      assert.equal(mostPeers, 0);
      assert.equal(best, 0, 'the intruder synced nothing');
      const peersOfAlice = await rpc(nodes.alice.rpcPort, 'system_health');
      assert.equal(peersOfAlice.peers, 3, 'Alice talks to the three other validators only');
    } finally {
      await intruder.stop();
    }
  });

  test("a full node of the city's lets no unlisted peer in and serves it no block", async () => {
    await cryptoWaitReady();
    // The city's RPC node, not a validator, listed by the council (sudo on the local chain).
    const fullKey = (5).toString(16).padStart(64, '0');
    const fullPeerId = peerIdOf(fullKey);
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    await sudo(api, api.tx.nodeAuthorization.addWellKnownNode(u8aToHex(fullPeerId), alice.address), alice);
    const full = await startNode(
      ['--chain', 'local', '--node-key', fullKey, ...bootnodes.flatMap((a) => ['--bootnodes', a])],
      { name: 'full' },
    );
    let intruder;
    try {
      const target = (await api.rpc.chain.getHeader()).number.toNumber() + 2;
      await waitFor(async () => parseInt((await rpc(full.rpcPort, 'chain_getHeader')).number, 16) >= target, {
        timeoutMs: 90_000, what: `the full node at #${target}`,
      });
      // The intruder knows only the full node, which runs no validator and was started without
      // `--offchain-worker`: it enforces the list all the same.
      const fullAddress = `/ip4/127.0.0.1/tcp/${full.p2pPort}/p2p/${base58Encode(fullPeerId)}`;
      intruder = await startNode(['--chain', 'local', '--bootnodes', fullAddress], { name: 'intruder-of-full' });
      const { mostPeers, best } = await isolation(intruder);
      assert.equal(mostPeers, 0, 'the full node let the intruder in');
      assert.equal(best, 0, 'the intruder synced nothing');
      const fullHealth = await rpc(full.rpcPort, 'system_health');
      assert.ok(fullHealth.peers >= 1 && fullHealth.peers <= 4, `the full node talks to validators only (${fullHealth.peers})`);
    } finally {
      await intruder?.stop();
      await full.stop();
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
