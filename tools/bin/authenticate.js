#!/usr/bin/env node
// Signs a Citizens Card authentication challenge with a key and asks a node whether it proves
// control of the DID. Run through scripts/authenticate.sh; --help for the options.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { SS58_PREFIX, chainTime, didOf, makeChallenge, signChallenge } from '../lib/citizens.js';
import { fail, parseOptions } from '../lib/cli.js';

const usage = `Usage: scripts/authenticate.sh [options]
  --ws URL           node RPC endpoint (default ws://127.0.0.1:9944)
  --suri SURI        the signing key, e.g. //Alice or a mnemonic (default //Alice)
  --did DID          the DID to prove (default: the DID of the signing key's account)
  --audience NAME    the service asking (default city-hall.example)
  --valid-for SECS   how long the challenge stays valid (default 120)
Prints the challenge, the signature and the node's verdict; exits 0 if authentic, 1 if not.`;

const options = parseOptions(usage, {
  ws: { type: 'string', default: 'ws://127.0.0.1:9944' },
  suri: { type: 'string', default: '//Alice' },
  did: { type: 'string' },
  audience: { type: 'string', default: 'city-hall.example' },
  'valid-for': { type: 'string', default: '120' },
});
const validFor = Number(options['valid-for']);
if (!Number.isInteger(validFor) || validFor <= 0) fail('--valid-for takes a whole number of seconds');

await cryptoWaitReady();
let pair;
try {
  pair = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri(options.suri);
} catch (error) {
  fail(`invalid --suri: ${error.message}`);
}
const provider = new WsProvider(options.ws);
let api;
try {
  api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
} catch (error) {
  fail(`cannot reach ${options.ws}: ${error.message}`);
}
try {
  const did = options.did ?? didOf(pair.address);
  const challenge = makeChallenge({
    genesisHash: api.genesisHash.toHex(),
    did,
    audience: options.audience,
    expiresAt: (await chainTime(api)) + validFor * 1000,
  });
  const signature = signChallenge(pair, challenge);
  const reply = await provider.send('citizens_authenticate', [did, challenge, signature]);
  console.log(`challenge:\n${challenge}\n\nsignature: ${signature}\n\nverdict: ${reply.verdict}`);
  process.exitCode = reply.authentic ? 0 : 1;
} finally {
  await api.disconnect();
}
