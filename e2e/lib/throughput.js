// The throughput measurement (scripts/measure-throughput.sh, docs/PERFORMANCE.md "Throughput on
// the 4-validator network"): starts the local network's four validators on this machine, registers
// senders (and merchants), pre-signs a flood of balance transfers, QR payments or reward batches,
// hands every transaction to the validators' pools, watches the blocks that include them, and
// finally re-executes those blocks to time their execution alone. A city-wide distribution needs
// no flood: the city schedules it, and the blocks that pay it are watched and executed again.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import {
  LOCAL_VALIDATORS, NODE_BIN, chunks, connect, executeBlocksAgain, startLocalNetwork, startNode, submit, submitAll,
  sudo, waitFor,
} from './node.js';
import {
  PLANCK_PER_SCN, makePaymentRequest, payCall, rewardsPaid,
} from 'seoul-chain-tools/lib/scoin.js';

/** The Prometheus histogram of each block's import on a node. */
const IMPORT_TIME = 'substrate_block_verification_and_import_time';
/** How many calls one registration or funding batch carries. */
const SETUP_BATCH = 250;
/** Transactions in flight to one node's RPC at a time. */
const SUBMIT_WINDOW = 256;
/** How long the flood may go without a block including any of it before the run gives up. */
const STALL_MS = 90_000;

/** The kinds of flood, each a call a sender signs, and the city-wide distribution. */
export const KINDS = ['transfers', 'payments', 'rewards', 'distribution'];
/** The kinds that pay generated citizens, so that the genesis must hold some. */
export const CITIZEN_KINDS = ['rewards', 'distribution'];
/** The most entries a reward batch holds (the runtime's `MaxRewardBatchSize`). */
export const MAX_REWARD_BATCH = 1_000;
/** How long a node may take to build a genesis of many generated citizens. */
const GENESIS_TIMEOUT_MS = 900_000;

/**
 * The account of generated citizen `index`, as pallet-citizens' `generated_citizen` derives it:
 * BLAKE2-256 of "seoul/generated-citizen" and the index as four little-endian bytes.
 */
export function generatedCitizen(index) {
  const le = new Uint8Array(4);
  new DataView(le.buffer).setUint32(0, index, true);
  return encodeAddress(blake2AsU8a(u8aConcat(stringToU8a('seoul/generated-citizen'), le), 256), SS58_PREFIX);
}

/**
 * The local chain spec with `citizens` generated citizens in its genesis, written under `dir`,
 * and a base path for each validator holding that genesis. One node builds the genesis and the
 * validators start from copies: four building it at once need four times its memory (about
 * 4.5 GB each for a million citizens).
 */
async function genesisWithGeneratedCitizens(citizens, dir) {
  const spec = JSON.parse(execFileSync(NODE_BIN, ['build-spec', '--chain', 'local'], {
    maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'ignore'],
  }));
  spec.genesis.runtimeGenesis.patch.citizens.generatedCitizens = citizens;
  const chain = path.join(dir, 'local-generated-citizens.json');
  writeFileSync(chain, JSON.stringify(spec));
  const builder = await startNode(['--chain', chain], {
    name: 'throughput-genesis', basePath: path.join(dir, 'genesis'), readyTimeoutMs: GENESIS_TIMEOUT_MS,
  });
  await builder.stop();
  const basePaths = Object.fromEntries(LOCAL_VALIDATORS.map(({ name }) => {
    const basePath = path.join(dir, name);
    cpSync(builder.basePath, basePath, { recursive: true });
    return [name, basePath];
  }));
  return { chain, basePaths };
}

/** The `p`th percentile (0–100) of `values`, or null if there are none. */
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
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

/** `node`'s Prometheus metrics, as text. */
function metricsOf(node) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: node.prometheusPort, path: '/metrics' }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

/** The value of `metric` in Prometheus `text`, summed over its labels; null if absent. */
function metricValue(text, metric) {
  const lines = text.split('\n').filter((l) => l.startsWith(`${metric} `) || l.startsWith(`${metric}{`));
  return lines.length ? lines.reduce((sum, l) => sum + Number(l.split(' ').pop()), 0) : null;
}

/** The sum and count of a Prometheus histogram in `text`, or null if it has none. */
function histogram(text, metric) {
  const [sum, count] = [metricValue(text, `${metric}_sum`), metricValue(text, `${metric}_count`)];
  return sum === null || count === null ? null : { sum, count };
}

/**
 * What the fork-aware pool reports having done with transactions (its Prometheus metrics): the
 * clues to a transaction accepted and never included.
 */
const POOL_EVENTS = {
  resubmittedFromRetractedBlocks: 'substrate_sub_txpool_resubmitted_retracted_txs_total',
  retracted: 'substrate_sub_txpool_timing_event_retracted_count',
  dropped: 'substrate_sub_txpool_timing_event_dropped_count',
  usurped: 'substrate_sub_txpool_timing_event_usurped_count',
  invalid: 'substrate_sub_txpool_timing_event_invalid_count',
  removedInvalid: 'substrate_sub_txpool_removed_invalid_txs_total',
};

/** What `node` reports of itself: its pool's {@link POOL_EVENTS}, its block imports, its disk. */
async function counters(node) {
  const text = await metricsOf(node);
  return {
    pool: Object.fromEntries(Object.entries(POOL_EVENTS).map(([event, metric]) => [event, metricValue(text, metric) ?? 0])),
    imports: histogram(text, IMPORT_TIME),
    disk: diskUsage(node.basePath),
  };
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
 * Which of the flood's transactions never made it into the chain, by the senders' nonces (each
 * sender's transactions were signed with nonces 0 to `each - 1`): how many senders fell short and
 * by how many transactions, and what the first of those senders' pool says when handed its first
 * missing transaction again, which tells whether the pools had dropped it or still held it.
 */
async function lostTransactions(api, senders, queues, each) {
  const nonces = await Promise.all(senders.map(async (pair) => (await api.query.system.account(pair.address)).nonce.toNumber()));
  const short = senders.map((pair, i) => ({ sender: i, nonce: nonces[i] })).filter(({ nonce }) => nonce < each);
  if (short.length === 0) return { senders: 0, transactions: 0, probe: null };
  const { sender, nonce } = short[0];
  let answer = 'accepted again';
  try {
    await api.rpc.author.submitExtrinsic(queues[sender].signed[nonce]);
  } catch (error) {
    answer = error.message;
  }
  return {
    senders: short.length,
    transactions: short.reduce((sum, entry) => sum + (each - entry.nonce), 0),
    probe: { sender, nonce, answer },
  };
}

/**
 * Runs one measurement and resolves to its report. `senders` each sign `each` transactions of
 * `kind`: citizens paying transfers, or QR payments to `merchants` merchants; or reward issuers
 * of an agency, each transaction a batch of `batch` rewards to the network's `citizens`
 * generated citizens. `log` receives progress lines. The validators' pools are the node's own
 * default size, or `poolLimit` transactions with their size in bytes in proportion; the senders'
 * quota is raised to cover the flood. A report's counts are of transfers, payments or rewards.
 */
export async function measureThroughput({
  kind, senders, each, merchants = 10, batch = MAX_REWARD_BATCH, citizens = 0, poolLimit, log = () => {},
}) {
  if (!KINDS.includes(kind)) throw new Error(`unknown kind ${kind}: one of ${KINDS.join(', ')}`);
  if (CITIZEN_KINDS.includes(kind) && citizens < 1) {
    throw new Error(`the ${kind} kind pays generated citizens: citizens must be at least 1`);
  }
  if (batch < 1 || batch > MAX_REWARD_BATCH) throw new Error(`a batch holds 1 to ${MAX_REWARD_BATCH} rewards`);
  await cryptoWaitReady();
  const work = mkdtempSync(path.join(os.tmpdir(), 'seoul-throughput-'));
  try {
    return await flood({
      kind, senders, each, merchants, batch, citizens, poolLimit, log, work,
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** {@link measureThroughput}'s run, its genesis and base paths under `work`. */
async function flood({
  kind, senders, each, merchants, batch, citizens, poolLimit, log, work,
}) {
  const rewards = kind === 'rewards';
  const distribution = kind === 'distribution';
  const transactions = distribution ? 0 : senders * each;
  const total = rewards ? transactions * batch : transactions;
  let genesis = { chain: 'local', basePaths: {} };
  if (citizens > 0) {
    log(`building a genesis of ${citizens} generated citizens`);
    genesis = await genesisWithGeneratedCitizens(citizens, work);
  }
  const { chain } = genesis;
  // A transfer or payment is under 300 bytes; a reward entry 81.
  const poolArgs = poolLimit === undefined ? [] : ['--pool-limit', String(poolLimit),
    '--pool-kbytes', String(Math.ceil((poolLimit * (rewards ? 300 + 81 * batch : 300)) / 1024))];
  const { nodes: byName } = await startLocalNetwork({
    name: 'throughput',
    ...genesis,
    // Each validator builds the genesis storage of its chain spec again at start, four at once.
    ...(citizens > 0 ? { readyTimeoutMs: GENESIS_TIMEOUT_MS } : {}),
    args: poolArgs,
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
    const payers = distribution ? [] : Array.from({ length: senders }, (_, i) => keyring.addFromUri(`//Throughput/sender/${i}`));
    const shops = kind === 'payments'
      ? Array.from({ length: merchants }, (_, i) => keyring.addFromUri(`//Throughput/merchant/${i}`))
      : [];
    const register = (pair, kindOf, roles) => api.tx.citizens.register(
      pair.address, kindOf, roles, blake2AsHex(`throughput ${pair.address}`), { Sr25519: u8aToHex(pair.publicKey) },
    );
    const amount = PLANCK_PER_SCN;
    let programme;
    // The distribution's citizens: the generated ones and the preset's, all active.
    const expected = distribution ? (await api.query.citizens.activeMembers('Citizen')).toNumber() : 0;

    if (distribution) {
      log(`opening a programme to pay ${expected} citizens`);
      const start = (await api.rpc.chain.getHeader()).number.toNumber();
      const created = await sudo(api, api.tx.sCoin.createProgramme(
        'City-wide distribution', alice.address, 'Other', amount * BigInt(expected), { Fixed: amount },
        amount, 1_000_000, start, start + 1_000_000,
      ), alice);
      programme = created.events.find((event) => event.method === 'ProgrammeCreated').data.programme;
    } else if (rewards) {
      log(`registering ${senders} reward issuers of one agency's programme`);
      await sudo(api, api.tx.citizens.setQuota('Agency', 4_000_000_000), alice);
      await sudo(api, api.tx.utility.batchAll(payers.map((pair) => register(pair, 'Agency', ['RewardIssuer']))), alice);
      // Enough budget for the flood, and a cap that lets each citizen be rewarded as often as
      // the flood goes round them.
      const start = (await api.rpc.chain.getHeader()).number.toNumber();
      const created = await sudo(api, api.tx.sCoin.createProgramme(
        'Throughput', payers[0].address, 'TaxPayment', amount * BigInt(total), { Fixed: amount },
        amount * BigInt(Math.ceil(total / citizens)), 1_000_000, start, start + 1_000_000,
      ), alice);
      programme = created.events.find((event) => event.method === 'ProgrammeCreated').data.programme;
      await sudo(api, api.tx.utility.batchAll(payers.map((pair) => api.tx.sCoin.addRewardIssuer(programme, pair.address))), alice);
    } else {
      log(`registering ${senders} citizens${shops.length ? ` and ${shops.length} merchants` : ''}`);
      // The flood is many days of a citizen's quota: the city raises it first, so that it is in
      // force from each sender's first transaction.
      await sudo(api, api.tx.citizens.setQuota('Citizen', 1_000_000), alice);
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
      await submitAll(api, chunks(payers, SETUP_BATCH).map((group) => api.tx.utility.batchAll(
        group.map((pair) => api.tx.balances.transferKeepAlive(pair.address, amount * BigInt(each + 1))),
      )), alice);
    }

    if (!distribution) log(`signing ${transactions} ${rewards ? `batches of ${batch} rewards` : kind}`);
    const genesisHash = api.genesisHash.toHex();
    const expiry = (await api.rpc.chain.getHeader()).number.toNumber()
      + api.consts.sCoin.maxPaymentValidity.toNumber();
    // One queue per sender, in nonce order, all to the same node: the pool then never holds a
    // sender's later nonce before its earlier one.
    const queues = payers.map((pair, i) => ({ node: i % apis.length, signed: [] }));
    for (const [i, pair] of payers.entries()) {
      for (let nonce = 0; nonce < each; nonce += 1) {
        const serial = i * each + nonce;
        let call;
        if (kind === 'transfers') {
          call = api.tx.balances.transferKeepAlive(payers[(i + 1) % senders].address, amount);
        } else if (kind === 'payments') {
          call = payCall(api, makePaymentRequest({
            genesisHash, merchant: shops[serial % shops.length], amount, orderReference: `T-${serial}`, expiry, nonce: serial,
          }));
        } else {
          call = api.tx.sCoin.rewardBatch(programme, Array.from({ length: batch }, (_, j) => {
            const reward = serial * batch + j;
            return { citizen: generatedCitizen(reward % citizens), receipt: blake2AsHex(`throughput reward ${reward}`), amount };
          }));
        }
        // Immortal, so that a long flood cannot outlive its transactions' mortality.
        queues[i].signed.push((await call.signAsync(pair, { nonce, era: 0 })).toHex());
        // Signing holds the event loop; the nodes close a connection whose pings go unanswered
        // for a minute, which the 45,000 signatures of a large flood took.
        if (serial % 500 === 0) await new Promise((resolve) => { setImmediate(resolve); });
      }
    }

    const before = await Promise.all(nodes.map(counters));
    const startNumber = (await api.rpc.chain.getHeader()).number.toNumber();
    // Watch every block from here: when each was first seen and finalised.
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

    log(distribution ? 'scheduling the distribution' : `submitting to ${apis.length} nodes`);
    const submittedAt = Date.now();
    const refused = [];
    let distributionId = null;
    if (distribution) {
      const scheduled = await sudo(api, api.tx.sCoin.scheduleDistribution(programme, amount), alice);
      distributionId = scheduled.events.find((event) => event.method === 'DistributionScheduled').data.distribution;
    }
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
    const accepted = distribution ? expected : (transactions - refused.length) * (rewards ? batch : 1);
    if (!distribution) log(`submitted ${transactions - refused.length} transactions in ${submitSeconds.toFixed(1)} s${refused.length ? `; ${refused.length} refused (${refused[0]})` : ''}`);

    /** Block `number` of the node's chain: what it holds of the flood, and its timestamp. */
    let paidBefore = 0;
    const blockAt = async (number) => {
      const hash = await api.rpc.chain.getBlockHash(number);
      const at = await api.at(hash);
      const timestamp = (await at.query.timestamp.now()).toNumber();
      if (distribution) {
        // The record's count, not the events: a block holds three events per citizen paid.
        const state = await at.query.sCoin.distributions(distributionId);
        const paid = state.isSome ? state.unwrap().paid.toNumber() : 0;
        const count = paid - paidBefore;
        paidBefore = paid;
        return { number, count, timestamp };
      }
      if (rewards) {
        const count = rewardsPaid(api, (await at.query.system.events()).map(({ event }) => event));
        return { number, count, timestamp };
      }
      const { block } = await api.rpc.chain.getBlock(hash);
      return { number, count: block.extrinsics.filter((xt) => xt.isSigned).length, timestamp };
    };
    // Follow the finalised chain block by block until all of the flood is in it, or nothing more
    // comes: a best block seen during the flood may still lose a fork choice, its transactions
    // then going back to the pools for a later block.
    const finalisedEverywhere = async () => Math.min(...await Promise.all(apis.map(async (nodeApi) => (
      await nodeApi.derive.chain.bestNumberFinalized()).toNumber())));
    const blocks = [];
    let included = 0;
    let lastProgress = Date.now();
    while (included < accepted && Date.now() - lastProgress < STALL_MS) {
      const finalised = await finalisedEverywhere();
      for (let number = startNumber + blocks.length + 1; number <= finalised; number += 1) {
        const block = await blockAt(number);
        if (block.count > 0) lastProgress = Date.now();
        included += block.count;
        blocks.push(block);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    unsubscribe.forEach((stop) => stop());
    if (included === 0) throw new Error(`no finalised block included any of the ${accepted} ${kind}`);
    // What the pools still hold when the flood stopped coming in: transactions accepted and
    // neither included nor dropped.
    const pending = Object.fromEntries(await Promise.all(apis.map(async (nodeApi, i) => (
      [nodes[i].name, (await nodeApi.rpc.author.pendingExtrinsics()).length]))));
    const full = blocks.filter((b) => b.count > 0);
    const lost = included < accepted && !distribution ? await lostTransactions(api, payers, queues, each) : null;

    const built = proposals(nodes);
    const first = full[0];
    const last = full[full.length - 1];
    // The chain's own clock: from the block before the first inclusion to the last inclusion.
    const previous = blocks.find((b) => b.number === first.number - 1) ?? { timestamp: first.timestamp - 6_000 };
    const chainSeconds = (last.timestamp - previous.timestamp) / 1000;
    const lags = full.filter((b) => seen.has(b.number) && finalisedAt.has(b.number))
      .map((b) => (finalisedAt.get(b.number) - seen.get(b.number)) / 1000);
    const after = await Promise.all(nodes.map(counters));
    const resident = nodes.map((node) => residentBytes(node.child.pid));
    const importSeconds = nodes.map((node, i) => {
      const [was, is] = [before[i].imports, after[i].imports];
      return was && is && is.count > was.count ? (is.sum - was.sum) / (is.count - was.count) : null;
    });
    const growth = after.map(({ disk }, i) => disk - before[i].disk);
    const finalisedOnEveryNode = await finalisedEverywhere();
    const distributionState = distribution ? (await api.query.sCoin.distributions(distributionId)).toHuman() : null;
    await Promise.all(apis.splice(0).map((a) => a.disconnect()));

    log(`executing blocks #${first.number} to #${last.number} again on ${nodes[0].name}'s database`);
    // All stopped first: the validators of a city-sized genesis leave no memory for a fifth node.
    await Promise.all(nodes.map((node, i) => node.stop({ keepBasePath: i === 0 })));
    const execution = await executeBlocksAgain(
      ['--chain', chain, '--base-path', nodes[0].basePath, '--database', 'paritydb'],
      { from: first.number, to: last.number, repeat: 2 },
    );
    const executionSeconds = full.reduce((sum, b) => sum + (execution.get(b.number)?.tookNs ?? 0), 0) / 1e9;
    return {
      kind,
      senders,
      each,
      batch: rewards ? batch : null,
      distribution: distributionState,
      citizens,
      submitted: total,
      accepted,
      refused: refused.length,
      included,
      pending,
      lost,
      poolEvents: Object.fromEntries(nodes.map((node, i) => [node.name, Object.fromEntries(
        Object.keys(POOL_EVENTS).map((event) => [event, after[i].pool[event] - before[i].pool[event]]),
      )])),
      submitSeconds,
      chainSeconds,
      perSecond: included / chainSeconds,
      executionSeconds,
      perExecutionSecond: executionSeconds > 0 ? included / executionSeconds : null,
      blocks: full.map((b) => ({
        ...b,
        ...built.get(b.number),
        executionMs: execution.has(b.number) ? execution.get(b.number).tookNs / 1e6 : null,
        chargedMs: execution.has(b.number) ? execution.get(b.number).chargedNs / 1e6 : null,
      })),
      finalityLagSeconds: { p50: percentile(lags, 50), max: percentile(lags, 100) },
      importSeconds: Object.fromEntries(nodes.map((node, i) => [node.name, importSeconds[i]])),
      residentMiB: Object.fromEntries(nodes.map((node, i) => [node.name, resident[i] / 2 ** 20])),
      diskGrowthMiBPerMillion: Object.fromEntries(nodes.map((node, i) => [node.name, (growth[i] / 2 ** 20) * (1e6 / Math.max(1, included))])),
      finalisedOnEveryNode,
    };
  } finally {
    await Promise.all(apis.map((a) => a.disconnect()));
    await Promise.all(nodes.map((node) => node.stop()));
  }
}
