// The throughput measurement (scripts/measure-throughput.sh, docs/PERFORMANCE.md "Throughput on
// the 4-validator network"): starts the local network's four validators on this machine, registers
// senders (and merchants), pre-signs a flood of balance transfers or QR payments, hands every
// transaction to the validators' pools, and watches the blocks that include them.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { SS58_PREFIX } from './citizens.js';
import { connect, startLocalNetwork, submit, submitAll, sudo, waitFor } from './node.js';
import { makePaymentRequest, payCall } from './scoin.js';

const SCN = 1_000_000n;
/** How many calls one registration or funding batch carries. */
const SETUP_BATCH = 250;
/** Transactions in flight to one node's RPC at a time. */
const SUBMIT_WINDOW = 256;
/** How long the flood may go without a block including any of it before the run gives up. */
const STALL_MS = 60_000;

/** The kinds of flood, each a call a sender signs. */
export const KINDS = ['transfers', 'payments'];

/** The `p`th percentile (0–100) of `values`, or null if there are none. */
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function chunks(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The bytes under `dir`, recursively. */
function diskUsage(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return total + diskUsage(full);
    return total + (entry.isFile() ? statSync(full).size : 0);
  }, 0);
}

/** A process's resident memory in bytes (Linux). */
function residentBytes(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) * 1024;
}

/** The sum and count of a Prometheus histogram on `node`, or null if the node has none. */
function histogram(node, metric) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: node.prometheusPort, path: '/metrics' }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => {
        const value = (suffix) => {
          const line = text.split('\n').find((l) => l.startsWith(`${metric}_${suffix}`));
          return line ? Number(line.split(' ').pop()) : null;
        };
        const [sum, count] = [value('sum'), value('count')];
        resolve(sum === null || count === null ? null : { sum, count });
      });
    }).on('error', reject);
  });
}

/** What each node's proposer logged of the blocks it built: by block number, time and end. */
function proposals(nodes) {
  const byNumber = new Map();
  const pattern = /Prepared block for proposing at (\d+) \((\d+) ms\).*end: (\w+); extrinsics_count: (\d+)/;
  for (const node of nodes) {
    for (const line of node.logs) {
      const match = pattern.exec(line);
      if (match) {
        byNumber.set(Number(match[1]), {
          author: node.name, proposeMs: Number(match[2]), endReason: match[3], extrinsics: Number(match[4]),
        });
      }
    }
  }
  return byNumber;
}

/**
 * Runs one measurement and resolves to its report. `senders` citizens each sign `each`
 * transactions of `kind` (to `merchants` merchants for payments); `log` receives progress lines.
 * The pool is raised to hold the whole flood, and the citizens' quota to cover it.
 */
export async function measureThroughput({ kind, senders, each, merchants = 10, log = () => {} }) {
  if (!KINDS.includes(kind)) throw new Error(`unknown kind ${kind}: one of ${KINDS.join(', ')}`);
  await cryptoWaitReady();
  const total = senders * each;
  const { nodes: byName } = await startLocalNetwork({
    name: 'throughput',
    args: ['--pool-limit', String(Math.max(8192, 2 * total)), '--pool-kbytes', String(Math.max(20_480, total))],
  });
  const nodes = Object.values(byName);
  const apis = [];
  try {
    apis.push(...await Promise.all(nodes.map((node) => connect(node))));
    const [api] = apis;
    await waitFor(async () => (await api.derive.chain.bestNumberFinalized()).toNumber() >= 1, {
      timeoutMs: 120_000, intervalMs: 1_000, what: 'the network to finalise',
    });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    const alice = keyring.addFromUri('//Alice');
    const payers = Array.from({ length: senders }, (_, i) => keyring.addFromUri(`//Throughput/sender/${i}`));
    const shops = kind === 'payments'
      ? Array.from({ length: merchants }, (_, i) => keyring.addFromUri(`//Throughput/merchant/${i}`))
      : [];

    log(`registering ${senders} citizens${shops.length ? ` and ${shops.length} merchants` : ''}`);
    // The flood is many days of a citizen's quota: the city raises it first, so that it is in
    // force from each sender's first transaction.
    await sudo(api, api.tx.citizens.setQuota('Citizen', 1_000_000), alice);
    const register = (pair, kindOf, roles) => api.tx.citizens.register(
      pair.address, kindOf, roles, blake2AsHex(`throughput ${pair.address}`), { Sr25519: u8aToHex(pair.publicKey) },
    );
    await submitAll(api, chunks(payers, SETUP_BATCH).map((group) => api.tx.utility.batchAll(
      group.map((pair) => register(pair, 'Citizen', [])),
    )), alice);
    if (shops.length) {
      await sudo(api, api.tx.utility.batchAll(shops.map((pair) => register(pair, 'Merchant', ['Merchant']))), alice);
      await Promise.all(shops.map((pair, i) => submit(
        api.tx.sCoin.registerMerchant(`ZP-9000-${String(i).padStart(4, '0')}`, 5812), pair,
      )));
    }
    // Each sender gets what it will spend, and a coin more.
    const amount = SCN;
    await submitAll(api, chunks(payers, SETUP_BATCH).map((group) => api.tx.utility.batchAll(
      group.map((pair) => api.tx.balances.transferKeepAlive(pair.address, amount * BigInt(each + 1))),
    )), alice);

    log(`signing ${total} ${kind}`);
    const genesisHash = api.genesisHash.toHex();
    const expiry = (await api.rpc.chain.getHeader()).number.toNumber()
      + api.consts.sCoin.maxPaymentValidity.toNumber();
    // One queue per sender, in nonce order, all to the same node: the pool then never holds a
    // sender's later nonce before its earlier one.
    const queues = payers.map((pair, i) => ({ node: i % apis.length, signed: [] }));
    for (const [i, pair] of payers.entries()) {
      for (let nonce = 0; nonce < each; nonce += 1) {
        let call;
        if (kind === 'transfers') {
          call = api.tx.balances.transferKeepAlive(payers[(i + 1) % senders].address, amount);
        } else {
          const serial = i * each + nonce;
          call = payCall(api, makePaymentRequest({
            genesisHash, merchant: shops[serial % shops.length], amount, orderReference: `T-${serial}`, expiry, nonce: serial,
          }));
        }
        // Immortal, so that a long flood cannot outlive its transactions' mortality.
        queues[i].signed.push((await call.signAsync(pair, { nonce, era: 0 })).toHex());
      }
    }

    const before = {
      disk: nodes.map((node) => diskUsage(node.basePath)),
      imports: await Promise.all(nodes.map((node) => histogram(node, 'substrate_block_verification_and_import_time'))),
    };
    const startNumber = (await api.rpc.chain.getHeader()).number.toNumber();
    // Watch every block from here: when each was first seen and finalised, and what it holds.
    const seen = new Map();
    const finalisedAt = new Map();
    const unsubscribe = [
      await api.rpc.chain.subscribeNewHeads((header) => {
        if (!seen.has(header.number.toNumber())) seen.set(header.number.toNumber(), Date.now());
      }),
      await api.rpc.chain.subscribeFinalizedHeads((header) => {
        for (let n = header.number.toNumber(); n > startNumber && !finalisedAt.has(n); n -= 1) finalisedAt.set(n, Date.now());
      }),
    ];

    log(`submitting to ${apis.length} nodes`);
    const submittedAt = Date.now();
    const refused = [];
    await Promise.all(apis.map(async (nodeApi, index) => {
      const mine = queues.filter((queue) => queue.node === index);
      let next = 0;
      const worker = async () => {
        while (next < mine.length) {
          const queue = mine[next];
          next += 1;
          for (const hex of queue.signed) {
            try {
              await nodeApi.rpc.author.submitExtrinsic(hex);
            } catch (error) {
              refused.push(error.message);
            }
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(SUBMIT_WINDOW, mine.length) }, worker));
    }));
    const submitSeconds = (Date.now() - submittedAt) / 1000;
    const accepted = total - refused.length;
    log(`submitted ${accepted} in ${submitSeconds.toFixed(1)} s${refused.length ? `; ${refused.length} refused (${refused[0]})` : ''}`);

    /** Block `number` of the node's chain: its signed transactions and its timestamp. */
    const blockAt = async (number) => {
      const hash = await api.rpc.chain.getBlockHash(number);
      const { block } = await api.rpc.chain.getBlock(hash);
      const timestamp = (await (await api.at(hash)).query.timestamp.now()).toNumber();
      return { number, count: block.extrinsics.filter((xt) => xt.isSigned).length, timestamp };
    };
    // Follow the flood block by block until all of it is in, or nothing more comes.
    let included = 0;
    let lastIncluded = startNumber;
    let checked = startNumber;
    let lastProgress = Date.now();
    while (included < accepted && Date.now() - lastProgress < STALL_MS) {
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      for (let number = checked + 1; number <= best; number += 1) {
        const { count } = await blockAt(number);
        if (count > 0) {
          lastProgress = Date.now();
          lastIncluded = number;
        }
        included += count;
        checked = number;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (included === 0) throw new Error(`no block included any of the ${accepted} transactions`);
    // Done once every node has finalised the last block of the flood.
    const finalisedEverywhere = async () => Math.min(...await Promise.all(apis.map(async (nodeApi) => (
      await nodeApi.derive.chain.bestNumberFinalized()).toNumber())));
    await waitFor(async () => (await finalisedEverywhere()) >= lastIncluded, {
      timeoutMs: 180_000, intervalMs: 1_000, what: `every node to finalise #${lastIncluded}`,
    });
    unsubscribe.forEach((stop) => stop());
    // The report counts the finalised chain: a block followed while the flood ran may since have
    // lost a fork choice, its transactions then in another block or none.
    const finalised = await finalisedEverywhere();
    const blocks = [];
    for (let number = startNumber + 1; number <= finalised; number += 1) blocks.push(await blockAt(number));
    included = blocks.reduce((sum, b) => sum + b.count, 0);
    const full = blocks.filter((b) => b.count > 0);

    const built = proposals(nodes);
    const first = full[0];
    const last = full[full.length - 1];
    // The chain's own clock: from the block before the first inclusion to the last inclusion.
    const previous = blocks.find((b) => b.number === first.number - 1) ?? { timestamp: first.timestamp - 6_000 };
    const chainSeconds = (last.timestamp - previous.timestamp) / 1000;
    const lags = full.filter((b) => seen.has(b.number) && finalisedAt.has(b.number))
      .map((b) => (finalisedAt.get(b.number) - seen.get(b.number)) / 1000);
    const after = {
      disk: nodes.map((node) => diskUsage(node.basePath)),
      imports: await Promise.all(nodes.map((node) => histogram(node, 'substrate_block_verification_and_import_time'))),
      resident: nodes.map((node) => residentBytes(node.child.pid)),
    };
    const importSeconds = nodes.map((node, i) => (after.imports[i] && before.imports[i]
      && after.imports[i].count > before.imports[i].count
      ? (after.imports[i].sum - before.imports[i].sum) / (after.imports[i].count - before.imports[i].count)
      : null));
    const growth = after.disk.map((bytes, i) => bytes - before.disk[i]);
    return {
      kind,
      senders,
      each,
      submitted: total,
      accepted,
      refused: refused.length,
      included,
      submitSeconds,
      chainSeconds,
      perSecond: included / chainSeconds,
      blocks: full.map((b) => ({ ...b, ...built.get(b.number) })),
      finalityLagSeconds: { p50: percentile(lags, 50), max: percentile(lags, 100) },
      importSeconds: Object.fromEntries(nodes.map((node, i) => [node.name, importSeconds[i]])),
      residentMiB: Object.fromEntries(nodes.map((node, i) => [node.name, after.resident[i] / 2 ** 20])),
      diskGrowthMiBPerMillion: Object.fromEntries(nodes.map((node, i) => [node.name, (growth[i] / 2 ** 20) * (1e6 / Math.max(1, included))])),
      finalisedOnEveryNode: await finalisedEverywhere(),
    };
  } finally {
    await Promise.all(apis.map((a) => a.disconnect()));
    await Promise.all(nodes.map((node) => node.stop()));
  }
}
