#!/usr/bin/env node
// Measures how many `credentials_verify` calls per second one development node answers, as a
// verifier's service would call it: attests credentials on a fresh `--dev` chain, then keeps a
// fixed number of calls in flight for a while, over one WebSocket and over HTTP, and prints
// calls per second with the latency's median and 99th percentile. Run through
// scripts/measure-verify.sh; --help for the options.

import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { schemaHash } from 'seoul-chain-tools/lib/credentials.js';
import { connect, rpc, startNode, submit, submitAll, sudo } from '../lib/node.js';
import { parseOptions, positiveIntegers } from 'seoul-chain-tools/lib/cli.js';

/** Attestations per `utility.batchAll`. */
const BATCH = 200;

const usage = `Usage: scripts/measure-verify.sh [options]
  --credentials N   credentials attested, then verified in turn (default 1000)
  --concurrency N   calls in flight at once (default 32)
  --seconds N       how long each transport is measured (default 20)
Starts a development node, registers an issuer and a schema, attests the credentials in
utility.batchAll calls of ${BATCH} signed by the issuer, then calls credentials_verify for them
over one WebSocket and then over HTTP (one request per POST), each after a second's warm-up.
The client runs on the node's machine and takes part of its CPU. Needs a built node
(scripts/test.sh or cargo build --release -p seoul-node).`;

const options = parseOptions(usage, {
  credentials: { type: 'string', default: '1000' },
  concurrency: { type: 'string', default: '32' },
  seconds: { type: 'string', default: '20' },
});
const [credentials, concurrency, seconds] = positiveIntegers(options, ['credentials', 'concurrency', 'seconds']);

/**
 * Keeps `concurrency` calls of `call` in flight for `duration` seconds, each verifying the next
 * hash in turn; the calls answered and each one's latency in milliseconds.
 */
async function measure(call, hashes, duration) {
  const latencies = [];
  let next = 0;
  const deadline = performance.now() + duration * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const hash = hashes[next++ % hashes.length];
      const sent = performance.now();
      const { status } = await call(hash);
      latencies.push(performance.now() - sent);
      if (status !== 'valid') throw new Error(`credentials_verify(${hash}) says ${status}, not valid`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { calls: latencies.length, elapsed: (performance.now() - started) / 1000, latencies };
}

function report(transport, { calls, elapsed, latencies }) {
  const sorted = latencies.sort((a, b) => a - b);
  const percentile = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  console.log(`${transport}: ${calls} calls in ${elapsed.toFixed(1)} s: ${Math.round(calls / elapsed)} calls/s, `
    + `latency median ${percentile(50).toFixed(2)} ms, p99 ${percentile(99).toFixed(2)} ms`);
}

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
const [alice, dave, issuer] = ['//Alice', '//Dave', '//MeasureVerifyIssuer'].map((suri) => keyring.addFromUri(suri));
const node = await startNode(['--dev'], { name: 'measure-verify' });
let provider;
try {
  const api = await connect(node);
  console.error('registering the issuer and the schema');
  await sudo(api, api.tx.citizens.register(
    issuer.address, 'CredentialIssuer', ['CredentialIssuer'], blake2AsHex(`measurement issuer ${issuer.address}`),
    { Sr25519: u8aToHex(issuer.publicKey) },
  ), alice);
  const schema = schemaHash({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Verification throughput' });
  await sudo(api, api.tx.utility.batchAll([
    api.tx.credentials.registerSchema(schema, 'Verification throughput'),
    api.tx.credentials.authoriseIssuer(schema, issuer.address),
  ]), alice);

  console.error(`attesting ${credentials} credentials in batches of ${BATCH}`);
  // Only the hashes go on chain, so random ones stand for credential documents.
  const hashes = Array.from({ length: credentials }, () => u8aToHex(randomBytes(32)));
  // A day before the chain's time, so that every credential is valid when verified.
  const validFrom = (await api.query.timestamp.now()).toNumber() - 86_400_000;
  const batches = [];
  for (let i = 0; i < hashes.length; i += BATCH) {
    batches.push(api.tx.utility.batchAll(hashes.slice(i, i + BATCH).map((hash) => api.tx.credentials.attest(
      issuer.address, hash, schema, dave.address, validFrom, null,
    ))));
  }
  await submitAll(api, batches, issuer);
  await api.disconnect();

  console.error(`verifying with ${concurrency} calls in flight for ${seconds} s per transport`);
  provider = new WsProvider(node.url);
  await provider.isReady;
  const transports = {
    WebSocket: (hash) => provider.send('credentials_verify', [hash]),
    HTTP: (hash) => rpc(node.rpcPort, 'credentials_verify', [hash]),
  };
  for (const [transport, call] of Object.entries(transports)) {
    await measure(call, hashes, 1);
    report(transport, await measure(call, hashes, seconds));
  }
} finally {
  await provider?.disconnect();
  await node.stop();
}
