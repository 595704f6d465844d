// Starts real seoul-node processes on free local ports and connects stock @polkadot/api clients.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import {
  createWriteStream, mkdirSync, mkdtempSync, rmSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { rpc, rpcResult } from 'seoul-chain-tools/lib/rpc.js';

/** JSON-RPC over HTTP, the tools' own, for the tests' reads. */
export { rpc };

const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache/seoul-chain/target');
/** The node binary under test; `scripts/test.sh` builds it. */
export const NODE_BIN = process.env.SEOUL_NODE ?? path.join(targetDir, 'release/seoul-node');
/** The upgrade rehearsal's runtime WASM (`runtime/upgrade-rehearsal`); `scripts/test.sh` builds it. */
export const REHEARSAL_WASM = process.env.SEOUL_REHEARSAL_WASM ?? path.join(
  targetDir, 'release/wbuild/seoul-runtime-upgrade-rehearsal/seoul_runtime_upgrade_rehearsal.compact.compressed.wasm',
);

/**
 * Where every node's whole log is written, if set: `<node name>-<test process id>.log`, a
 * restarted node appending to its file. Failures show only a tail.
 */
const LOG_DIR = process.env.SEOUL_E2E_LOGS && path.resolve(process.env.SEOUL_E2E_LOGS);
if (LOG_DIR) mkdirSync(LOG_DIR, { recursive: true });
/**
 * Arguments added to every node's command line (`SEOUL_E2E_NODE_ARGS`, split at spaces), such as
 * `--network-backend litep2p` to run the e2e tests on the other network stack.
 */
const EXTRA_NODE_ARGS = process.env.SEOUL_E2E_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];

/** The well-known node keys and PeerIds of the local test network (runtime presets). */
export const LOCAL_VALIDATORS = ['alice', 'bob', 'charlie', 'dave'].map((name, index) => ({
  name,
  nodeKey: (index + 1).toString(16).padStart(64, '0'),
  peerId: [
    '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp',
    '12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD',
    '12D3KooWSCufgHzV4fCwRijfH2k3abrpAJxTKxEvN1FDuRXA2U9x',
    '12D3KooWSsChzF81YDUKpe9Uk5AHV5oqAaXAcWNSPYgoLauUk4st',
  ][index],
}));

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor(check, { timeoutMs = 60_000, intervalMs = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}


/**
 * Calls a JSON-RPC method over HTTP through the Unix socket `socketPath`, relayed to a node's RPC
 * port `port`, which the Host header names (the node refuses other hosts).
 */
export function rpcAt(socketPath, port, method, params = []) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ id: 1, jsonrpc: '2.0', method, params });
    const request = http.request({
      socketPath,
      path: '/',
      method: 'POST',
      headers: {
        Host: `127.0.0.1:${port}`,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      },
    }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => {
        try {
          resolve(rpcResult(method, JSON.parse(text)));
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * A relay that runs inside a network namespace: it accepts connections on a Unix socket (the
 * file system is shared by every namespace) and relays them to a TCP port of the namespace's
 * own 127.0.0.1. Arguments: the socket path and the port.
 */
const UNIX_TO_TCP_RELAY = `
const net = require('node:net');
const [socketPath, port] = process.argv.slice(1);
try { require('node:fs').unlinkSync(socketPath); } catch {}
net.createServer((client) => {
  const upstream = net.connect(Number(port), '127.0.0.1');
  client.pipe(upstream).pipe(client);
  upstream.on('error', () => client.destroy());
  client.on('error', () => upstream.destroy());
}).listen(socketPath);
`;

/**
 * Keeps what process `name` writes to `streams`: its last `keep` lines in the array returned (a
 * failure shows them), and, if SEOUL_E2E_LOGS is set, all of it in
 * `<name>-<test process id>.log` there, appended to when the process is started again.
 */
export function keepLogs(name, streams, keep) {
  const logs = [];
  const logFile = LOG_DIR && createWriteStream(path.join(LOG_DIR, `${name}-${process.pid}.log`), { flags: 'a' });
  // A log that cannot be written must not fail the test it was kept for.
  logFile?.on('error', (error) => console.warn(`${name}'s log: ${error.message}`));
  let open = streams.length;
  for (const stream of streams) {
    stream.on('data', (chunk) => {
      logFile?.write(chunk);
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      if (logs.length > keep) logs.splice(0, logs.length - keep);
    });
    stream.on('close', () => {
      open -= 1;
      if (open === 0) logFile?.end();
    });
  }
  return logs;
}

/**
 * Starts `seoul-node` with `args` on free RPC, p2p and Prometheus ports and waits until its RPC
 * answers; `node.call(method, params)` calls its RPC. In the network namespace `namespace`
 * (`lib/netns.js`), the node takes the standard ports of its own namespace and its RPC is
 * relayed to a Unix socket. The returned handle stops the node and removes its temporary base
 * path. `readyTimeoutMs` bounds the wait for its RPC (a large genesis takes minutes to build).
 * `webSocketP2p` makes its p2p port a WebSocket one on 127.0.0.1, for light clients.
 */
export async function startNode(args, options = {}) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startNodeOnce(args, options);
    } catch (error) {
      // A port found free can be taken, by any process's outgoing connection, before the node
      // binds it (a genesis takes seconds to build): the node is started again on new ports.
      const portTaken = !options.namespace && /Address already in use/.test(error.message);
      if (!portTaken || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

/** How many times startNode tries new ports when one it chose was taken meanwhile. */
const PORT_ATTEMPTS = 3;

async function startNodeOnce(args, {
  basePath, p2pPort, name = 'node', namespace, readyTimeoutMs = 120_000, webSocketP2p = false,
} = {}) {
  const rpcPort = namespace ? 9944 : await freePort();
  const prometheusPort = namespace ? 9615 : await freePort();
  p2pPort ??= namespace ? 30333 : await freePort();
  const ownBasePath = !basePath;
  basePath ??= mkdtempSync(path.join(os.tmpdir(), `seoul-${name}-`));
  const fullArgs = [
    ...args,
    ...EXTRA_NODE_ARGS,
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    // A light client in a browser can dial only WebSocket addresses.
    ...(webSocketP2p ? ['--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}/ws`] : ['--port', String(p2pPort)]),
    '--prometheus-port', String(prometheusPort),
    '--no-telemetry',
  ];
  const inNamespace = (command, commandArgs) => (namespace
    ? spawn('ip', ['netns', 'exec', namespace, command, ...commandArgs], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'] }));
  const child = inNamespace(NODE_BIN, fullArgs);
  const socketPath = namespace && path.join(os.tmpdir(), `seoul-${name}-${process.pid}.sock`);
  const relay = namespace && inNamespace(process.execPath, ['-e', UNIX_TO_TCP_RELAY, socketPath, String(rpcPort)]);
  const call = namespace
    ? (method, params) => rpcAt(socketPath, rpcPort, method, params)
    : (method, params) => rpc(rpcPort, method, params);
  const logs = keepLogs(name, [child.stderr], 400);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const node = {
    name, child, rpcPort, p2pPort, prometheusPort, basePath, logs, exited, call,
    url: `ws://127.0.0.1:${rpcPort}`,
    /** Stops the node (SIGTERM) and waits for it to exit. */
    async stop({ keepBasePath = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      if (relay) {
        relay.kill('SIGTERM');
        rmSync(socketPath, { force: true });
      }
      await exited;
      if (ownBasePath && !keepBasePath) rmSync(basePath, { recursive: true, force: true });
    },
  };
  try {
    const died = exited.then(({ code, signal }) => { throw new Error(`${name} exited with ${code ?? signal}`); });
    died.catch(() => {}); // handled by the race below; a later, deliberate exit is no error
    await Promise.race([
      waitFor(() => call('system_health'), { timeoutMs: readyTimeoutMs, what: `${name} RPC` }),
      died,
    ]);
  } catch (error) {
    await node.stop();
    throw new Error(`${error.message}\n${logs.slice(-30).join('\n')}`);
  }
  return node;
}

/**
 * Starts the four validators of the local network on 127.0.0.1, each with the other three as
 * bootnodes and `args` after its own. Resolves to the nodes by validator name and the bootnode
 * addresses; a node's `args` restart it the same way. If one fails to start, the others stop.
 * `chain` is the chain spec (a file with the local spec's validators, or `local`);
 * `basePaths` by validator name are base paths the caller keeps and removes (e.g. holding a
 * genesis built once), and `readyTimeoutMs` goes to {@link startNode}.
 */
export async function startLocalNetwork({
  name = 'local', args = [], chain = 'local', basePaths = {}, readyTimeoutMs,
} = {}) {
  const ports = await Promise.all(LOCAL_VALIDATORS.map(() => freePort()));
  const bootnodes = LOCAL_VALIDATORS.map((v, i) => `/ip4/127.0.0.1/tcp/${ports[i]}/p2p/${v.peerId}`);
  const started = await Promise.allSettled(LOCAL_VALIDATORS.map((validator, i) => {
    const nodeArgs = ['--chain', chain, `--${validator.name}`, '--node-key', validator.nodeKey,
      ...bootnodes.filter((_, other) => other !== i).flatMap((address) => ['--bootnodes', address]), ...args];
    return startNode(nodeArgs, {
      name: `${name}-${validator.name}`, p2pPort: ports[i], basePath: basePaths[validator.name], readyTimeoutMs,
    })
      .then((node) => Object.assign(node, { args: nodeArgs }));
  }));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(started.filter((result) => result.status === 'fulfilled').map((result) => result.value.stop()));
    throw failure.reason;
  }
  const nodes = Object.fromEntries(LOCAL_VALIDATORS.map((validator, i) => [validator.name, started[i].value]));
  return { nodes, bootnodes };
}

/** A stock @polkadot/api client, with no custom types registered. */
export function connect(node) {
  return ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true, throwOnConnect: true });
}

/** The number of the node's last finalised block. */
export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(hash)).number.toNumber();
}

/** A dispatch error as `section.Name` (e.g. `sCoin.DuplicateReceipt`), or its kind if not a module's. */
export function moduleError(registry, dispatchError) {
  if (!dispatchError.isModule) return dispatchError.type;
  const { section, name } = registry.findMetaError(dispatchError.asModule);
  return `${section}.${name}`;
}

/**
 * Signs and submits `tx`, resolving once it is in a block with its events; rejects with the
 * decoded module error if the call failed. `options` go to `signAndSend` (e.g. a nonce).
 */
export function submit(tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    tx.signAndSend(signer, options, ({ status, events, dispatchError, internalError }) => {
      if (!status.isInBlock) return;
      unsubscribe?.();
      // The client could not read the block's events (e.g. while it swaps metadata at a runtime
      // upgrade): without them nothing says whether the call succeeded.
      if (internalError) {
        reject(new Error(`in block ${status.asInBlock.toHex()}, its events unread: ${internalError.message}`));
      } else if (dispatchError) {
        reject(new Error(moduleError(tx.registry, dispatchError)));
      } else {
        resolve({ blockHash: status.asInBlock, events: events.map(({ event }) => event) });
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}

/**
 * Signs `tx` and submits it, expecting the pool to refuse it; returns the refusal's message
 * (`1010: Invalid Transaction: Custom error: <code>`), or fails the test if it was accepted.
 */
export async function refusal(api, tx, signer, options = {}) {
  const signed = await tx.signAsync(signer, options);
  try {
    await api.rpc.author.submitExtrinsic(signed);
  } catch (error) {
    return error.message;
  }
  return assert.fail('the transaction pool accepted the transaction');
}

/** The fields of the `<section>.<name>` event among `events`, which must be there. */
export function eventData(api, events, section, name) {
  const event = events.find((candidate) => api.events[section][name].is(candidate));
  assert.ok(event, `${section}.${name} event`);
  return event.data;
}

/** `items` in consecutive slices of at most `size`. */
export function chunks(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Blocks `from`..=`to` of a stopped node's database executed again by `seoul-node benchmark
 * block` (WASM, reads from the database, state root computed), each `repeat` times and the mean
 * kept; `chainArgs` name the chain and database (e.g. `--dev --base-path P`). Resolves to, by
 * block number, the execution time and the weight the block was charged, in nanoseconds; rejects
 * with the command's output if it fails.
 */
export async function executeBlocksAgain(chainArgs, { from, to, repeat }) {
  const { stderr } = await new Promise((resolve, reject) => {
    execFile(NODE_BIN, ['benchmark', 'block', ...chainArgs, '--from', String(from), '--to', String(to), '--repeat', String(repeat)],
      { maxBuffer: 64 * 2 ** 20 }, (error, stdout, err) => (error
        ? reject(new Error(`benchmark block failed: ${error.message}\n${err}`))
        : resolve({ stdout, stderr: err })));
  });
  // "Block 12 with 3 tx used 43.21% of its weight ( 512,345,678 of 1,185,000,000 ns)"
  const byNumber = new Map();
  for (const [, number, took, charged] of stderr.matchAll(/Block (\d+) with\s+\d+ tx used\s+[\d.]+% of its weight \(\s*([\d,]+) of\s+([\d,]+) ns\)/g)) {
    byNumber.set(Number(number), { tookNs: Number(took.replaceAll(',', '')), chargedNs: Number(charged.replaceAll(',', '')) });
  }
  return byNumber;
}

/** Submits `txs` signed by `signer` at once, with consecutive nonces, and waits for all of them. */
export async function submitAll(api, txs, signer) {
  const nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  return Promise.all(txs.map((tx, index) => submit(tx, signer, { nonce: nonce + index })));
}

/** Dispatches `call` as Root through `sudoKey`; rejects with the call's module error. */
export async function sudo(api, call, sudoKey) {
  const result = await submit(api.tx.sudo.sudo(call), sudoKey);
  const { sudoResult } = result.events.find((event) => api.events.sudo.Sudid.is(event)).data;
  if (sudoResult.isErr) throw new Error(moduleError(api.registry, sudoResult.asErr));
  return result;
}

/**
 * Passes `call` as a City Council motion of `voters` (council members): the first proposes it
 * with a threshold of all of them, all vote aye, and the first closes it. Resolves to the
 * `Council.Executed` result, the closing block's events and the hashes of the motion's blocks.
 */
export async function councilMotion(api, call, voters) {
  const length = call.method.encodedLength;
  const proposed = await submit(api.tx.council.propose(voters.length, call, length), voters[0]);
  const { proposalIndex, proposalHash } = eventData(api, proposed.events, 'council', 'Proposed');
  const votes = await Promise.all(
    voters.map((member) => submit(api.tx.council.vote(proposalHash, proposalIndex, true), member)),
  );
  const weight = (await api.call.transactionPaymentCallApi.queryCallInfo(call, length)).weight;
  const closed = await submit(api.tx.council.close(proposalHash, proposalIndex, weight, length), voters[0]);
  const { result } = eventData(api, closed.events, 'council', 'Executed');
  const blockHashes = [proposed, ...votes, closed].map(({ blockHash }) => blockHash);
  return { result, events: closed.events, blockHashes };
}

/** Runs the Node.js tool `bin` with `args`: its exit status, stdout and stderr, whatever the status. */
export function runTool(bin, args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? error.code : 0, stdout, stderr });
    });
  });
}
