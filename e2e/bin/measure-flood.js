#!/usr/bin/env node
// Measures what a flood of the heaviest transactions members may sign does to an honest
// member's transfer: registers `--members` agencies on a fresh `--dev` chain, has each submit
// `--each` transactions of the largest allowed length (900 KiB of remarks, a quarter of a block)
// at once, and meanwhile has a citizen submit a plain transfer every few seconds; prints, for
// each honest transfer, the blocks and seconds from submission to inclusion, and how long the
// flood took to drain. Run through scripts/measure-flood.sh; --help for the options.

import { performance } from 'node:perf_hooks';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { connect, startNode, submit, sudo } from '../lib/node.js';
import { parseOptions, positiveIntegers } from 'seoul-chain-tools/lib/cli.js';

const usage = `Usage: scripts/measure-flood.sh [options]
  --members N   flooding members, each an agency (default 100)
  --each N      transactions each member floods with (default 2)
  --honest N    honest transfers, one every 3 seconds from the flood on (default 10)
Starts a development node with a pool large enough to hold the flood, registers the members
through sudo, funds them, submits every flood transaction at once (each a utility.batch of nine
100 KiB remarks, the longest a member may sign), then submits Dave's transfers and reports each
one's inclusion delay. Needs a built node (scripts/test.sh or cargo build --release -p
seoul-node).`;

const options = parseOptions(usage, {
  members: { type: 'string', default: '100' },
  each: { type: 'string', default: '2' },
  honest: { type: 'string', default: '10' },
});
const [members, each, honest] = positiveIntegers(options, ['members', 'each', 'honest']);

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
const alice = keyring.addFromUri('//Alice');
const dave = keyring.addFromUri('//Dave');
const eve = keyring.addFromUri('//Eve');
const flooders = Array.from({ length: members }, (_, index) => keyring.addFromUri(`//Flooder${index}`));
const node = await startNode(['--dev', '--pool-kbytes', '1000000', '--pool-limit', '100000'], { name: 'measure-flood' });
let api;
try {
  api = await connect(node);
  console.error(`registering ${members} agencies`);
  await sudo(api, api.tx.utility.batchAll(flooders.map((pair) => api.tx.citizens.register(
    pair.address, 'Agency', [], blake2AsHex(`flooder ${pair.address}`), { Sr25519: u8aToHex(pair.publicKey) },
  ))), alice);

  const remark = api.tx.system.remark(`0x${'07'.repeat(100 * 1024)}`);
  console.error(`signing ${members * each} flood transactions of ${api.tx.utility.batch(Array(9).fill(remark)).encodedLength} bytes`);
  const flood = [];
  for (const pair of flooders) {
    for (let nonce = 0; nonce < each; nonce += 1) {
      flood.push(await api.tx.utility.batch(Array(9).fill(remark)).signAsync(pair, { nonce }));
    }
  }
  const floodStart = (await api.rpc.chain.getHeader()).number.toNumber();
  const started = performance.now();
  const answers = await Promise.all(flood.map((tx) => api.rpc.author.submitExtrinsic(tx).then(() => null, (error) => error.message)));
  const refused = answers.filter((answer) => answer !== null);
  console.error(`flood submitted at #${floodStart}; ${flood.length - refused.length} accepted${refused.length ? `, ${refused.length} refused (${refused[0]})` : ''}`);

  const delays = [];
  for (let index = 0; index < honest; index += 1) {
    const submittedAt = (await api.rpc.chain.getHeader()).number.toNumber();
    const sent = performance.now();
    const includedAt = await new Promise((resolve, reject) => {
      api.tx.balances.transferKeepAlive(eve.address, 1_000_000n).signAndSend(dave, async ({ status }) => {
        if (status.isInBlock) resolve((await api.rpc.chain.getHeader(status.asInBlock)).number.toNumber());
      }).catch(reject);
    });
    const delay = { blocks: includedAt - submittedAt, seconds: (performance.now() - sent) / 1000 };
    delays.push(delay);
    console.log(`honest transfer ${index + 1}: submitted at #${submittedAt}, included in #${includedAt}: ${delay.blocks} blocks, ${delay.seconds.toFixed(1)} s`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  // Drained once every flooder's on-chain nonce has caught up with what it submitted.
  const drained = async () => {
    const nonces = await Promise.all(flooders.map(async (pair) => (await api.query.system.account(pair.address)).nonce.toNumber()));
    return nonces.every((nonce) => nonce >= each);
  };
  while (!(await drained())) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const drainedAt = (await api.rpc.chain.getHeader()).number.toNumber();
  const worst = delays.reduce((most, delay) => (delay.seconds > most.seconds ? delay : most));
  console.log(`flood of ${members * each} transactions from ${members} members drained in ${drainedAt - floodStart} blocks (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  console.log(`honest transfers: worst ${worst.blocks} blocks (${worst.seconds.toFixed(1)} s), median ${delays.map((d) => d.blocks).sort((a, b) => a - b)[Math.floor(delays.length / 2)]} blocks`);
  await submit(api.tx.system.remark('0x00'), dave);
} finally {
  await api?.disconnect();
  await node.stop();
}
