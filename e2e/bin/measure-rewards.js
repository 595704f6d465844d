#!/usr/bin/env node
// Measures how many S-coin rewards per second of block execution the batch path reaches: fills
// blocks of a development chain with `SCoin.reward_batch` extrinsics to distinct citizens, then
// re-executes those blocks with `seoul-node benchmark block` (cold state, no trie cache) and
// divides the rewards of each block by its execution time. Run through
// scripts/measure-rewards.sh; --help for the options. Results: docs/PERFORMANCE.md.

import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  chunks, connect, executeBlocksAgain, startNode, submit, submitAll, sudo,
} from '../lib/node.js';
import { PLANCK_PER_SCN as SCN, rewardsPaid } from 'seoul-chain-tools/lib/scoin.js';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { fail, parseOptions, positiveIntegers } from 'seoul-chain-tools/lib/cli.js';

const usage = `Usage: scripts/measure-rewards.sh [options]
  --citizens N   citizens registered and rewarded, one reward each (default 20000)
  --batch N      entries per reward_batch extrinsic (default 1000, the runtime's bound)
  --repeat N     times benchmark block re-executes each block (default 10)
  --trie-cache   re-execute with the node's trie cache, as a running node imports blocks
                 (default: without, every read from the database)
Runs two campaigns, each rewarding every citizen once: the first reward (which creates the
citizens' balances) and a second one. Prints, for each block holding rewards, its rewards,
execution time and rewards per second, then each campaign's total. Needs a built node (scripts/test.sh or cargo build --release -p seoul-node).`;

const options = parseOptions(usage, {
  citizens: { type: 'string', default: '20000' },
  batch: { type: 'string', default: '1000' },
  repeat: { type: 'string', default: '10' },
  'trie-cache': { type: 'boolean', default: false },
});
const [citizens, batchSize, repeat] = positiveIntegers(options, ['citizens', 'batch', 'repeat']);

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
const [alice, bob] = ['//Alice', '//Bob'].map((suri) => keyring.addFromUri(suri));
const node = await startNode(['--dev', '--pruning', 'archive'], { name: 'measure' });
let blocks;
try {
  const api = await connect(node);
  // Citizens only receive rewards, so their accounts need no keys of ours.
  const accounts = Array.from({ length: citizens }, () => u8aToHex(randomBytes(32)));
  console.error(`registering ${citizens} citizens`);
  const registrations = accounts.map((account) => api.tx.citizens.register(
    account, 'Citizen', [], u8aToHex(randomBytes(32)), { Sr25519: account },
  ));
  await submitAll(api, chunks(registrations, 500).map((calls) => api.tx.utility.batchAll(calls)), alice);

  // Two campaigns: the first reward of each citizen (whose balance account it creates), then a
  // second programme rewarding the same citizens again, the steady state.
  blocks = [];
  for (const campaign of ['first reward', 'second reward']) {
    const now = (await api.query.system.number()).toNumber();
    await sudo(api, api.tx.sCoin.createProgramme(
      `Reward throughput: ${campaign}`, bob.address, 'Other', BigInt(citizens) * SCN, { Fixed: SCN },
      SCN, 14_400, now, now + 100_000,
    ), alice);
    const programme = (await api.query.sCoin.nextProgrammeId()).toNumber() - 1;
    await submit(api.tx.sCoin.addRewardIssuer(programme, bob.address), bob);

    console.error(`${campaign}: rewarding ${citizens} citizens in batches of ${batchSize}`);
    const entries = accounts.map((citizen) => ({ citizen, receipt: u8aToHex(randomBytes(32)), amount: SCN }));
    const results = await submitAll(
      api, chunks(entries, batchSize).map((batch) => api.tx.sCoin.rewardBatch(programme, batch)), bob,
    );
    const rewardsPerBlock = new Map();
    for (const { blockHash, events } of results) {
      const rewarded = rewardsPaid(api, events);
      const block = blockHash.toHex();
      rewardsPerBlock.set(block, (rewardsPerBlock.get(block) ?? 0) + rewarded);
    }
    for (const [hash, rewards] of rewardsPerBlock) {
      blocks.push({ campaign, number: (await api.rpc.chain.getHeader(hash)).number.toNumber(), rewards });
    }
  }
  blocks.sort((a, b) => a.number - b.number);
  await api.disconnect();
} finally {
  await node.stop({ keepBasePath: true });
}

const from = blocks[0].number;
const to = blocks.at(-1).number;
console.error(`re-executing blocks ${from}..${to} ${repeat} times`);
const execution = await executeBlocksAgain(
  ['--dev', '--base-path', node.basePath, '--pruning', 'archive', ...(options['trie-cache'] ? ['--enable-trie-cache'] : [])],
  { from, to, repeat },
).catch((error) => error);
rmSync(node.basePath, { recursive: true, force: true });
if (execution instanceof Error) fail(execution.message);
const totals = new Map();
for (const { campaign, number, rewards } of blocks) {
  const ns = execution.get(number)?.tookNs;
  if (ns === undefined) fail(`benchmark block did not report block ${number}`);
  const total = totals.get(campaign) ?? { rewards: 0, ns: 0 };
  totals.set(campaign, { rewards: total.rewards + rewards, ns: total.ns + ns });
  console.log(`${campaign}, block ${number}: ${rewards} rewards in ${(ns / 1e6).toFixed(1)} ms: ${Math.round(rewards / (ns / 1e9))} rewards/s`);
}
for (const [campaign, { rewards, ns }] of totals) {
  console.log(`${campaign}, total: ${rewards} rewards in ${(ns / 1e6).toFixed(1)} ms of block execution: ${Math.round(rewards / (ns / 1e9))} rewards/s`);
}
